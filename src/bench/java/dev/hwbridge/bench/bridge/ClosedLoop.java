package dev.hwbridge.bench.bridge;

import dev.hwbridge.bench.Latencies;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Clients that each make one call after another, as fast as the answers come ("closed loop"):
 * first their share of the warm-up calls, then, all starting together, their share of the measured
 * calls. A failed call counts as an error and is not timed.
 */
final class ClosedLoop {

    /** One client's call; it throws on any failure, including a wrong answer. */
    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /** What a run measured: every timed call, the errors (warm-up included), the wall time of the measured part. */
    record Result(Latencies latencies, int errors, long wallNanos, String firstError) {

        double callsPerSecond() {
            return latencies.count() / (wallNanos / 1e9);
        }

        /** Both runs as one: their calls, errors and wall times added up. */
        Result plus(Result other) {
            Latencies all = new Latencies();
            all.addAll(latencies);
            all.addAll(other.latencies);
            return new Result(all, errors + other.errors, wallNanos + other.wallNanos,
                    firstError != null ? firstError : other.firstError);
        }
    }

    private ClosedLoop() {
    }

    /**
     * @param calls  one call per client; {@code calls.size()} clients run at once
     * @param warmup calls made before measuring, shared among the clients (each makes at least one
     *               unless this is 0)
     * @param total  measured calls, shared among the clients (each makes at least one)
     */
    static Result run(List<Call> calls, int warmup, int total) throws InterruptedException {
        int clients = calls.size();
        int warmupEach = warmup == 0 ? 0 : Math.max(1, warmup / clients);
        int measuredEach = Math.max(1, total / clients);
        CyclicBarrier start = new CyclicBarrier(clients + 1);
        CyclicBarrier end = new CyclicBarrier(clients + 1);
        List<Latencies> perClient = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Call call = calls.get(i);
            Latencies latencies = new Latencies();
            perClient.add(latencies);
            Thread thread = new Thread(() -> {
                try {
                    for (int n = 0; n < warmupEach; n++) {
                        attempt(call, null, errors, firstError);
                    }
                    start.await();
                    for (int n = 0; n < measuredEach; n++) {
                        attempt(call, latencies, errors, firstError);
                    }
                    end.await();
                } catch (Exception e) {
                    firstError.compareAndSet(null, e.toString());
                    // Wakes everyone waiting at a barrier, the measuring thread too.
                    start.reset();
                    end.reset();
                }
            }, "bench-client-" + i);
            thread.start();
            threads.add(thread);
        }
        try {
            start.await();
            long began = System.nanoTime();
            end.await();
            long wall = System.nanoTime() - began;
            Latencies all = new Latencies();
            perClient.forEach(all::addAll);
            return new Result(all, errors.get(), wall, firstError.get());
        } catch (java.util.concurrent.BrokenBarrierException e) {
            throw new IllegalStateException("a bench client stopped: " + firstError.get(), e);
        } finally {
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    private static void attempt(Call call, Latencies into, AtomicInteger errors, AtomicReference<String> firstError) {
        long began = System.nanoTime();
        try {
            call.run();
            if (into != null) {
                into.record(System.nanoTime() - began);
            }
        } catch (Exception e) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, e.toString());
        }
    }
}
