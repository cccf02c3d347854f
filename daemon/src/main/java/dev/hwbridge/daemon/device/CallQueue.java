package dev.hwbridge.daemon.device;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One device's calls, first in first out, bounded, run one at a time. A call waiting here holds
 * no thread, only its place in the queue: a prompt open on the device makes the calls behind it
 * wait, and nothing else (calls to other devices, calls that need no device) waits with them.
 * The running call has one thread from {@code runner}, borrowed until the queue is empty.
 *
 * <p>Cancelling a call's future takes it out of the queue; cancelling it while it runs interrupts
 * its thread (the protocol client then sends CANCEL). Thread-safe.
 */
final class CallQueue {

    private final int capacity;
    private final Executor runner;
    // Guarded by this.
    private final ArrayDeque<QueuedCall<?>> waiting = new ArrayDeque<>();
    private boolean draining;

    CallQueue(int capacity, Executor runner) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /**
     * Queues {@code work} behind the calls already there.
     *
     * @throws DeviceException QUEUE_FULL when {@code capacity} calls are waiting
     */
    <T> CompletableFuture<T> submit(Callable<T> work, String deviceId) throws DeviceException {
        QueuedCall<T> call = new QueuedCall<>(work);
        boolean start;
        synchronized (this) {
            waiting.removeIf(CompletableFuture::isDone);
            if (waiting.size() >= capacity) {
                throw new DeviceException(DeviceError.QUEUE_FULL,
                        "device " + deviceId + " has " + capacity + " calls waiting");
            }
            waiting.add(call);
            start = !draining;
            draining = true;
        }
        if (start) {
            try {
                runner.execute(this::drain);
            } catch (RejectedExecutionException e) {
                synchronized (this) {
                    draining = false;
                    waiting.remove(call);
                }
                throw new DeviceException(DeviceError.GONE, "device " + deviceId + " is closing", e);
            }
        }
        return call;
    }

    /** Calls waiting, the running one not counted. */
    synchronized int waiting() {
        return (int) waiting.stream().filter(call -> !call.isDone()).count();
    }

    private void drain() {
        while (true) {
            QueuedCall<?> next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            next.run();
        }
    }

    /** A queued call; cancelling it while it runs interrupts the thread running it. */
    private static final class QueuedCall<T> extends CompletableFuture<T> {

        private final Callable<T> work;
        // Guarded by this.
        private Thread running;

        QueuedCall(Callable<T> work) {
            this.work = work;
        }

        void run() {
            synchronized (this) {
                if (isDone()) {
                    return;
                }
                running = Thread.currentThread();
            }
            try {
                complete(work.call());
            } catch (Exception | Error e) {
                completeExceptionally(e);
            } finally {
                synchronized (this) {
                    running = null;
                    // A cancel that came as the work ended must not interrupt the next call.
                    Thread.interrupted();
                }
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            synchronized (this) {
                if (cancelled && running != null) {
                    running.interrupt();
                }
            }
            return cancelled;
        }
    }
}
