package dev.hwbridge.daemon.payload;

import java.util.Objects;

/**
 * A signer payload that cannot be turned into bytes to sign. Names the member at fault; the
 * message states the rule and never repeats payload content (an unknown extension's name aside).
 */
public final class InvalidPayloadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidPayloadException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The payload member at fault, e.g. {@code "era"}; {@code ""} for the payload as a whole. */
    public String field() {
        return field;
    }
}
