package dev.hwbridge.protocol.account;

import java.util.Objects;

/**
 * Thrown by every parser in this package for malformed input. Messages never repeat the input,
 * because a mistyped path or address may hold a secret the user pasted by accident.
 */
public final class FormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final FormatError code;

    public FormatException(FormatError code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable error code. */
    public FormatError code() {
        return code;
    }
}
