package dev.hwbridge.daemon.transport;

import java.time.Duration;

/**
 * When a blocking channel call must give up, on {@link System#nanoTime()}. Native channels wait in
 * short slices rather than all at once, so that a close never waits long for a running call (see
 * {@link NativeCallGuard}); this hands out those slices.
 *
 * <p>Immutable.
 */
public final class Deadline {

    private final long nanoTime;

    private Deadline(long nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * The deadline {@code timeout} from now. A null or negative timeout is now (one poll); one too
     * long to count in nanoseconds is so far away that it never passes.
     */
    public static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + nanos(timeout));
    }

    /** Whether the deadline has come. */
    public boolean passed() {
        return nanoTime - System.nanoTime() <= 0;
    }

    /**
     * How long the next native wait may block, in milliseconds: what is left, at most {@code slice}
     * and at least {@code shortestMillis} (libusb reads 0 as "wait forever", hidapi as "poll").
     */
    public long sliceMillis(Duration slice, long shortestMillis) {
        long remainingMillis = Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime())).toMillis();
        return Math.max(shortestMillis, Math.min(slice.toMillis(), remainingMillis));
    }

    private static long nanos(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            return 0;
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            // Far off, yet well within the span in which differences of nanoTime() values are meaningful.
            return Long.MAX_VALUE / 2;
        }
    }
}
