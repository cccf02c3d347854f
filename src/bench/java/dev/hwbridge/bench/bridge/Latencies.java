package dev.hwbridge.bench.bridge;

import java.util.Arrays;

/** Call latencies in nanoseconds: each client records its own, merged after the run. Not thread-safe. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int size;

    void record(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    int count() {
        return size;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            record(other.nanos[i]);
        }
    }

    /** The {@code quantile} (0..1) in microseconds, nearest rank. */
    double percentileMicros(double quantile) {
        if (size == 0) {
            throw new IllegalStateException("no latency recorded");
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(quantile * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e3;
    }
}
