package dev.hwbridge.protocol.ledger;

import java.util.Optional;

/**
 * Why a Ledger exchange failed: the status words of the Polkadot Generic app (Zondax's
 * APDUSPEC, {@code @zondax/ledger-js}'s {@code LedgerError}) and the framing faults of the
 * transports. Stable names; never rename. Callers match these, never the messages.
 */
public enum LedgerError {
    /** The user refused on the device (SW 0x6986). */
    USER_REJECTED(0x6986),
    /**
     * The Polkadot app is not the one running: the dashboard or another app answered. 0x6E00
     * (CLA not supported), 0x6E01 (the app's own "app does not seem to be open"), 0x6511 (newer
     * dashboards) and 0x6D00 (instruction not supported: every INS we send exists in every
     * version of the generic app, so another app is open).
     */
    APP_NOT_OPEN(0x6E01),
    /** The device is locked (SW 0x5515; 0x6982, "security status not satisfied", on older firmware). */
    DEVICE_LOCKED(0x5515),
    /** The app could not parse or verify what it was sent: payload, proof, path or raw wrapper (SW 0x6984). */
    DATA_INVALID(0x6984),
    /** The APDU had the wrong length (SW 0x6700). */
    WRONG_LENGTH(0x6700),
    /** P1 or P2 out of range: an unknown scheme or chunk kind (SW 0x6B00). */
    INVALID_P1_P2(0x6B00),
    /** Conditions not satisfied, e.g. a chunk out of order (SW 0x6985). */
    CONDITIONS_NOT_SATISFIED(0x6985),
    /** The app refused a path or key (SW 0x6A80, "bad key handle"). */
    BAD_KEY_HANDLE(0x6A80),
    /** The app failed internally (SW 0x6400 execution error, 0x6F00 unknown, 0x6F01 sign/verify, 0x6802 key derivation). */
    EXECUTION_ERROR(0x6400),
    /** A status word none of the above covers; {@link LedgerException#statusWord()} has it. */
    UNKNOWN_STATUS(0x6F00),
    /** Reports or a TCP reply that break the framing: wrong channel, tag, sequence, size or length. */
    FRAMING(0);

    /** 0x9000: success, the only status word that is no error. */
    public static final int SW_OK = 0x9000;

    private final int statusWord;

    LedgerError(int statusWord) {
        this.statusWord = statusWord;
    }

    /** The status word a device sends for this error (the canonical one where several map here); 0 for FRAMING. */
    public int statusWord() {
        return statusWord;
    }

    /** The error a status word means, or empty for 0x9000. */
    public static Optional<LedgerError> ofStatusWord(int sw) {
        return switch (sw & 0xFFFF) {
            case SW_OK -> Optional.empty();
            case 0x6986 -> Optional.of(USER_REJECTED);
            case 0x6E00, 0x6E01, 0x6511, 0x6D00 -> Optional.of(APP_NOT_OPEN);
            case 0x5515, 0x6982 -> Optional.of(DEVICE_LOCKED);
            case 0x6984 -> Optional.of(DATA_INVALID);
            case 0x6700 -> Optional.of(WRONG_LENGTH);
            case 0x6B00 -> Optional.of(INVALID_P1_P2);
            case 0x6985 -> Optional.of(CONDITIONS_NOT_SATISFIED);
            case 0x6A80 -> Optional.of(BAD_KEY_HANDLE);
            case 0x6400, 0x6F00, 0x6F01, 0x6802 -> Optional.of(EXECUTION_ERROR);
            default -> Optional.of(UNKNOWN_STATUS);
        };
    }
}
