package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.Response;
import java.util.Objects;

/**
 * Ends a request with a final {@code Failure}. Flows throw it from any depth; {@link DeviceLogic}
 * turns it into the reply. The message is for people and never holds a secret.
 */
final class FlowFailure extends RuntimeException {

    private final Failure.Code code;

    FlowFailure(Failure.Code code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    FlowFailure(Failure.Code code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    Failure.Code code() {
        return code;
    }

    Response toResponse() {
        return Replies.failure(code, getMessage());
    }
}
