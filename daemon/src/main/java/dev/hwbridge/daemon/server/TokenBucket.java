package dev.hwbridge.daemon.server;

import java.util.function.LongSupplier;

/**
 * A token bucket that may go into debt: a token not there yet can be taken in advance, and the
 * caller learns how long until it is due. Not thread-safe (one connection's I/O thread uses it).
 */
final class TokenBucket {

    /** Returned by {@link #take()} when the token is too far in the future. */
    static final long TOO_FAR = -1;

    private static final double NANOS_PER_SECOND = 1e9;

    private final double perSecond;
    private final double capacity;
    private final double floor;
    private final LongSupplier nanoClock;
    private double tokens;
    private long lastRefill;

    /**
     * @param perSecond refill rate
     * @param capacity  tokens when full (and at start)
     * @param maxDebt   how many tokens may be taken in advance (0: none)
     * @param nanoClock {@link System#nanoTime()} or a test clock
     */
    TokenBucket(double perSecond, double capacity, double maxDebt, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.capacity = capacity;
        this.floor = -maxDebt;
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.lastRefill = nanoClock.getAsLong();
    }

    /**
     * Takes one token.
     *
     * @return 0 if it was there, the nanoseconds until it is due if taken in advance, or
     *     {@link #TOO_FAR} (nothing taken) if that would exceed the allowed debt
     */
    long take() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        double after = tokens - 1;
        if (after < floor) {
            return TOO_FAR;
        }
        tokens = after;
        // The balance is back at zero, i.e. this token paid for, after -after/perSecond seconds.
        return (long) Math.ceil(-after / perSecond * NANOS_PER_SECOND);
    }

    /** Takes one token only if it is there now. */
    boolean tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        long elapsed = now - lastRefill;
        lastRefill = now;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed / NANOS_PER_SECOND * perSecond);
        }
    }
}
