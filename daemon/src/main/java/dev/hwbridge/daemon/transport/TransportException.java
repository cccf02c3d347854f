package dev.hwbridge.daemon.transport;

import dev.hwbridge.protocol.client.PortException;

/**
 * The one transport failure, with a stable code callers can match on. It is the protocol
 * client's {@link PortException}: a BAD_REPORT reads there as a malformed report, everything else
 * as a device that is gone.
 */
public final class TransportException extends PortException {

    /** Stable codes; never renumber or rename. */
    public enum Code {
        /** The device was unplugged, the simulator stopped, or the channel was closed. */
        DEVICE_GONE,
        /** No device at that path. */
        NOT_FOUND,
        /** The device exists but could not be opened or claimed (permissions, another owner). */
        ACCESS_DENIED,
        /** A report of the wrong size. */
        BAD_REPORT,
        /** Any other I/O failure. */
        IO
    }

    private final Code code;

    public TransportException(Code code, String message) {
        this(code, message, null);
    }

    public TransportException(Code code, String message, Throwable cause) {
        super(code == Code.BAD_REPORT ? Kind.MALFORMED_REPORT : Kind.GONE, message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
