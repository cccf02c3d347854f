package dev.hwbridge.daemon.server;

import dev.hwbridge.daemon.rpc.CallAdmission;
import java.util.function.LongSupplier;

/**
 * Applies {@link ConnectionLimits} to one connection: admits, delays or refuses each call, and
 * says when refusals have gone on long enough to close the connection. Not thread-safe: used on
 * the connection's I/O thread only.
 */
final class ConnectionRateLimiter implements CallAdmission {

    private final TokenBucket calls;
    private final TokenBucket refusals;
    private boolean abusive;
    private long refused;

    ConnectionRateLimiter(ConnectionLimits limits, LongSupplier nanoClock) {
        double maxDebt = limits.callsPerSecond() * limits.maxDelay().toNanos() / 1e9;
        this.calls = new TokenBucket(limits.callsPerSecond(), limits.burst(), maxDebt, nanoClock);
        this.refusals = new TokenBucket(limits.refusalsPerSecond(), limits.refusalBudget(), 0, nanoClock);
    }

    @Override
    public long admitNanos() {
        long wait = calls.take();
        if (wait != TokenBucket.TOO_FAR) {
            return wait;
        }
        refused++;
        if (!refusals.tryTake()) {
            abusive = true;
        }
        return REFUSE;
    }

    /** Calls refused so far. */
    long refused() {
        return refused;
    }

    /** True once a refusal found the refusal budget spent: the connection should be closed. */
    boolean abusive() {
        return abusive;
    }
}
