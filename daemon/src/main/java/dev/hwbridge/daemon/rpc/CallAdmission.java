package dev.hwbridge.daemon.rpc;

/**
 * Decides, call by call, when one connection's next call may run: now, after a delay (the
 * connection is being slowed), or not at all. Called on the connection's I/O thread only.
 */
@FunctionalInterface
public interface CallAdmission {

    /** Returned by {@link #admitNanos()} when the call must be refused with {@link RpcError#RATE_LIMITED}. */
    long REFUSE = -1;

    /** Admits every call at once. */
    CallAdmission UNLIMITED = () -> 0;

    /** @return nanoseconds to wait before running the call (0 = now), or {@link #REFUSE} */
    long admitNanos();
}
