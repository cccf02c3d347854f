package dev.hwbridge.daemon.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard one WebSocket connection may push the daemon. Calls (each element of a batch counts)
 * take tokens from a bucket of {@code burst} tokens refilled at {@code callsPerSecond}. With the
 * bucket empty a call is delayed until its token is due (the connection is slowed), as long as that
 * is at most {@code maxDelay} away; otherwise it is refused with RATE_LIMITED. Refusals in turn take
 * tokens from a bucket of {@code refusalBudget} refilled at {@code refusalsPerSecond}; when that one
 * is empty the abuse is sustained and the connection is closed with status 1008. At most
 * {@code maxCallsInFlight} calls of a connection run or wait at once; more are refused.
 */
public record ConnectionLimits(double callsPerSecond, int burst, Duration maxDelay,
                               int refusalBudget, double refusalsPerSecond, int maxCallsInFlight) {

    /**
     * 50 calls/s with bursts of 100, calls delayed up to 2 s (another 100 calls), then refused;
     * 20 refusals (one more per second) before the connection is closed; 32 calls in flight.
     * A wallet page scanning 20 accounts in a batch stays far below this.
     */
    public static final ConnectionLimits DEFAULT = forRate(50);

    /** The default limits with another call rate: bursts of twice that, everything else as {@link #DEFAULT}. */
    public static ConnectionLimits forRate(int callsPerSecond) {
        return new ConnectionLimits(callsPerSecond, 2 * callsPerSecond, Duration.ofSeconds(2), 20, 1, 32);
    }

    public ConnectionLimits {
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (!(callsPerSecond > 0) || burst < 1 || maxDelay.isNegative()
                || refusalBudget < 0 || refusalsPerSecond < 0 || maxCallsInFlight < 1) {
            throw new IllegalArgumentException("connection limits out of range: " + callsPerSecond + "/s, burst "
                    + burst + ", delay " + maxDelay + ", refusals " + refusalBudget + " at " + refusalsPerSecond
                    + "/s, in flight " + maxCallsInFlight);
        }
    }
}
