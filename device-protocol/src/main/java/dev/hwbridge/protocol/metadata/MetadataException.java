package dev.hwbridge.protocol.metadata;

import java.util.Objects;

/**
 * Thrown for metadata, proofs and signing payloads that this package refuses, with a stable code.
 * Messages name what is wrong and where (an offset, a type id), never a whole input.
 */
public final class MetadataException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final MetadataError code;

    public MetadataException(MetadataError code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable error code. */
    public MetadataError code() {
        return code;
    }
}
