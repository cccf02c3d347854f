package dev.hwbridge.bench;

import java.util.Arrays;

/**
 * Call latencies in nanoseconds: each client records its own, merged after the run. Used by the
 * bridge bench and the load test. Not thread-safe.
 */
public final class Latencies {

    private long[] nanos = new long[1024];
    private int size;

    public void record(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    public int count() {
        return size;
    }

    public void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            record(other.nanos[i]);
        }
    }

    /** The {@code quantile} (0..1) in microseconds, nearest rank; NaN when nothing was recorded. */
    public double percentileMicros(double quantile) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(quantile * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e3;
    }
}
