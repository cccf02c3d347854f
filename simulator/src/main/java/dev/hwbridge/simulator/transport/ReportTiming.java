package dev.hwbridge.simulator.transport;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The pace of one direction of the link, and its report count. {@link #fullSpeedHid()} emulates a
 * full-speed USB HID interrupt endpoint (the simulator's {@code run --hid-timing}): one 64-byte
 * report per 1 ms interval, so a report waits for the interval after the one the previous report
 * took, and a one-report request with a one-report answer costs at least 2 ms. {@link #unpaced()}
 * lets reports through at once (loopback UDP as it is). Thread-safe; callers in one direction are
 * serialised by the caller (one receive loop, one send lock).
 */
final class ReportTiming {

    /** Sleep until this close to the slot, then spin: a plain sleep overshoots by tens of µs or more. */
    private static final long SPIN_NANOS = 100_000L;

    private final long intervalNanos;
    private final AtomicLong reports = new AtomicLong();
    private long nextFree = System.nanoTime();

    private ReportTiming(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    static ReportTiming unpaced() {
        return new ReportTiming(0);
    }

    static ReportTiming fullSpeedHid() {
        return new ReportTiming(Duration.ofMillis(1).toNanos());
    }

    /** Counts one report and, when paced, returns once its interval has passed. */
    void pass() {
        reports.incrementAndGet();
        if (intervalNanos == 0) {
            return;
        }
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = (nextFree - now > 0 ? nextFree : now) + intervalNanos;
            nextFree = slot;
        }
        long left;
        while ((left = slot - System.nanoTime()) > 0) {
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** Reports passed so far. */
    long reports() {
        return reports.get();
    }
}
