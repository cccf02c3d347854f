package dev.hwbridge.protocol.metadata.decode;

import java.util.List;
import java.util.Optional;

/** An extrinsic signing payload, decoded: the call, then every signed extension in order. */
public record DecodedPayload(Value call, List<DecodedExtension> extensions) {

    public DecodedPayload {
        extensions = List.copyOf(extensions);
    }

    public Optional<DecodedExtension> extension(String identifier) {
        return extensions.stream().filter(e -> e.identifier().equals(identifier)).findFirst();
    }
}
