package dev.hwbridge.daemon.transport;

/** A transport failure, with a stable code callers can match on. */
public final class TransportException extends Exception {

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
        super(message);
        this.code = code;
    }

    public TransportException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
