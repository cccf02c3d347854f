package dev.hwbridge.simulator.testing;

import dev.hwbridge.protocol.framing.KeepaliveStatus;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.Response;
import java.util.List;

/** What one request brought back: the interim replies in order, the final one, the keep-alives. */
public record Exchange(List<Response> interims, Response response, List<KeepaliveStatus> keepalives) {

    /** The failure code, or AssertionError if the request did not fail. */
    public Failure.Code failureCode() {
        if (!response.hasFailure()) {
            throw new AssertionError("expected a Failure, got " + response.getBodyCase());
        }
        return response.getFailure().getCode();
    }
}
