package dev.hwbridge.protocol.client;

import java.io.IOException;
import java.util.Objects;

/**
 * A {@link ReportPort} failure that says what kind it is, so the client does not take a malformed
 * report for a lost device. A port may throw a plain {@link IOException} too: that reads as GONE.
 */
public class PortException extends IOException {

    /** Stable kinds; never rename. */
    public enum Kind {
        /** The device is unplugged, the simulator stopped, the port closed, or the link failed. */
        GONE,
        /** The device sent something that is not a 64-byte report; the link itself still works. */
        MALFORMED_REPORT
    }

    private final Kind kind;

    public PortException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
