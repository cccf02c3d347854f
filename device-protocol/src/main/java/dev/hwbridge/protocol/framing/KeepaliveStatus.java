package dev.hwbridge.protocol.framing;

import java.util.Optional;

/** The status byte of a KEEPALIVE frame, numbered as CTAPHID numbers it. */
public enum KeepaliveStatus {
    /** The device is working (deriving, encrypting). */
    PROCESSING(1),
    /** The device waits for the user: a button, a word, a PIN or a password on its screen. */
    WAITING_FOR_USER(2);

    private final int code;

    KeepaliveStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The status with that byte, or empty for a byte no status has. */
    public static Optional<KeepaliveStatus> fromCode(int code) {
        for (KeepaliveStatus status : values()) {
            if (status.code == (code & 0xFF)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
