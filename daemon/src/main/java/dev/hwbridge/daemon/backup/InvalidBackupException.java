package dev.hwbridge.daemon.backup;

import java.util.Objects;

/**
 * A backup document that cannot be restored. Names the first problem by JSON pointer
 * (RFC 6901, e.g. {@code "/accounts/2/address"}; {@code ""} is the whole document). The message
 * states the rule broken and never repeats a value from the document.
 */
public final class InvalidBackupException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String pointer;

    public InvalidBackupException(String pointer, String message) {
        super(message);
        this.pointer = Objects.requireNonNull(pointer, "pointer");
    }

    /** Where the problem is, as a JSON pointer into the document. */
    public String pointer() {
        return pointer;
    }
}
