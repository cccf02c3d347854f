package dev.hwbridge.protocol.ledger;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A Ledger exchange that failed, with a stable {@link #error()} and, when the device answered,
 * its {@link #statusWord()}. Messages never carry the data of the APDU or the reply.
 */
public final class LedgerException extends Exception {

    private static final long serialVersionUID = 1L;

    private final LedgerError error;
    private final OptionalInt statusWord;

    public LedgerException(LedgerError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
        this.statusWord = OptionalInt.empty();
    }

    public LedgerException(LedgerError error, String message, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
        this.statusWord = OptionalInt.empty();
    }

    private LedgerException(LedgerError error, int statusWord, String message) {
        super(message);
        this.error = error;
        this.statusWord = OptionalInt.of(statusWord);
    }

    /** The exception for a status word other than 0x9000. */
    public static LedgerException ofStatusWord(int sw) {
        LedgerError error = LedgerError.ofStatusWord(sw).orElseThrow(
                () -> new IllegalArgumentException("0x9000 is success, not an error"));
        return new LedgerException(error, sw & 0xFFFF,
                String.format("the Ledger answered 0x%04X (%s)", sw & 0xFFFF, error));
    }

    public LedgerError error() {
        return error;
    }

    /** The status word the device sent, or empty for a framing fault. */
    public OptionalInt statusWord() {
        return statusWord;
    }
}
