package dev.hwbridge.daemon.session;

import java.util.Locale;

/** Why a session ended. {@link #wireName()} is what clients see in {@code session.ended}. */
public enum EndReason {
    /** The owner called session.release. */
    RELEASED,
    /** The owner's connection closed. */
    CLOSED,
    /** Another connection took the device over by naming this session as {@code previous}. */
    STOLEN,
    /** The device was unplugged or stopped answering. */
    DETACHED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
