package dev.hwbridge.e2e;

import java.util.Arrays;

/** Call latencies of one thread, in nanoseconds; merged and summarised after the run. Not thread-safe. */
final class LatencyRecorder {

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

    void addAll(LatencyRecorder other) {
        for (int i = 0; i < other.size; i++) {
            record(other.nanos[i]);
        }
    }

    /** The {@code quantile} (0..1) in milliseconds, nearest rank; 0 when nothing was recorded. */
    double percentileMillis(double quantile) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(quantile * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e6;
    }
}
