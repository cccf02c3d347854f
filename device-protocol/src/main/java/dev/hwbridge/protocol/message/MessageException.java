package dev.hwbridge.protocol.message;

import java.util.Objects;

/** A Request or Response that cannot be encoded or was refused on parsing, with a stable code. */
public final class MessageException extends Exception {

    private final MessageError code;

    public MessageException(MessageError code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public MessageException(MessageError code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public MessageError code() {
        return code;
    }
}
