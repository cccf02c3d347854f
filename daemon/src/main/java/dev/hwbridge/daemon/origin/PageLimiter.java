package dev.hwbridge.daemon.origin;

import java.util.function.LongSupplier;

/**
 * How hard one page may push the daemon through the extension: a bucket of {@code burst} calls
 * refilled at {@code callsPerSecond}, and at most {@code maxInFlight} calls running at once. It is
 * tighter than a connection's limits (API.md, "Limits"), so a flooding page is refused before the
 * extension's shared connection is slowed: one page cannot starve another. Thread-safe.
 */
final class PageLimiter {

    /** 20 calls/s in bursts of 40, 8 at once: a dapp polls its accounts every few seconds. */
    static final double CALLS_PER_SECOND = 20;
    static final int BURST = 40;
    static final int MAX_IN_FLIGHT = 8;

    private final LongSupplier nanoClock;
    private double tokens = BURST;
    private long refilledAt;
    private int inFlight;

    PageLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.refilledAt = nanoClock.getAsLong();
    }

    /** Takes a call's token and slot; false when the page is over a limit (nothing is taken then). */
    synchronized boolean tryStart() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(BURST, tokens + (now - refilledAt) / 1e9 * CALLS_PER_SECOND);
        refilledAt = now;
        if (tokens < 1 || inFlight >= MAX_IN_FLIGHT) {
            return false;
        }
        tokens -= 1;
        inFlight++;
        return true;
    }

    /** Gives back the slot of a call that {@link #tryStart() started}. */
    synchronized void finish() {
        inFlight--;
    }
}
