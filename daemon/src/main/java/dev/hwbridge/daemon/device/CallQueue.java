package dev.hwbridge.daemon.device;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * One device's calls, first in first out, bounded, run one at a time. A call waiting here holds
 * no thread, only its place in the queue: a prompt open on the device makes the calls behind it
 * wait, and nothing else (calls to other devices, calls that need no device) waits with them.
 *
 * <p>A call is either started work ({@link #submitStarted}): it starts on the thread that ended
 * the call before it (or the submitter's), must not block there, and holds no thread while its
 * future is pending; or blocking work ({@link #submit}), which gets a thread from {@code runner}
 * while it runs. The next call starts when the previous one's work is over.
 *
 * <p>Cancelling a call's future takes it out of the queue; cancelling it while it runs interrupts
 * its thread (blocking work; the protocol client then sends CANCEL) or runs its cancel action
 * (started work). Thread-safe.
 */
final class CallQueue {

    private final int capacity;
    private final Executor runner;
    // Guarded by this.
    private final ArrayDeque<QueuedCall<?>> waiting = new ArrayDeque<>();
    private boolean draining;
    /** Set on a runner thread while it runs this queue's blocking work: the blocking work after it runs there too. */
    private final ThreadLocal<Boolean> onRunner = ThreadLocal.withInitial(() -> false);

    CallQueue(int capacity, Executor runner) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /**
     * Queues blocking {@code work} behind the calls already there; it runs on a thread of the runner.
     *
     * @throws DeviceException QUEUE_FULL when {@code capacity} calls are waiting
     */
    <T> CompletableFuture<T> submit(Callable<T> work, String deviceId) throws DeviceException {
        return enqueue(new BlockingCall<>(work, deviceId), deviceId);
    }

    /**
     * Queues work that starts without blocking and ends when the future it returns completes.
     *
     * @param onCancel run when the call's future is cancelled while its work is under way (e.g.
     *                 cancel the device's exchange); the next call still waits for the work to end
     * @throws DeviceException QUEUE_FULL when {@code capacity} calls are waiting
     */
    <T> CompletableFuture<T> submitStarted(Supplier<CompletableFuture<T>> work, Runnable onCancel, String deviceId)
            throws DeviceException {
        return enqueue(new StartedCall<>(work, onCancel), deviceId);
    }

    /**
     * Queues work in two parts: {@code work} runs on a thread of the runner and may block (reading
     * a registry, an exchange it waits for), then returns the future of what is left (the device's
     * last exchange), which holds no thread. The next call starts when that future completes.
     *
     * @param onCancel run when the call's future is cancelled once the blocking part is over
     * @throws DeviceException QUEUE_FULL when {@code capacity} calls are waiting
     */
    <T> CompletableFuture<T> submitPrepared(Callable<CompletableFuture<T>> work, Runnable onCancel, String deviceId)
            throws DeviceException {
        return enqueue(new PreparedCall<>(work, onCancel, deviceId), deviceId);
    }

    private <T> CompletableFuture<T> enqueue(QueuedCall<T> call, String deviceId) throws DeviceException {
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
            drain();
        }
        return call;
    }

    /** Calls waiting, the running one not counted. */
    synchronized int waiting() {
        return (int) waiting.stream().filter(call -> !call.isDone()).count();
    }

    /**
     * Starts the next call; when its work ends (at once, or later on whichever thread ends it)
     * the one after. A loop rather than recursion, so a long line of calls that end at once (a
     * session that ended) does not deepen the stack.
     */
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
            CompletableFuture<?> over = next.start();
            if (!over.isDone()) {
                over.whenComplete((value, failure) -> drain());
                return;
            }
        }
    }

    /** A queued call: its future is the caller's; {@link #start()} gives the work's end. */
    /** Hands {@code task} to a runner thread; a runner shutting down fails {@code call} GONE and ends its turn. */
    private void runOnRunner(QueuedCall<?> call, Runnable task, CompletableFuture<Void> over, String deviceId) {
        try {
            runner.execute(task);
        } catch (RejectedExecutionException e) {
            call.completeExceptionally(new DeviceException(DeviceError.GONE, "device " + deviceId + " is closing", e));
            over.complete(null);
        }
    }

    private abstract static class QueuedCall<T> extends CompletableFuture<T> {

        /** Starts the work unless the call was cancelled; the result completes when the work is over. */
        abstract CompletableFuture<?> start();
    }

    /**
     * Blocking work on a runner thread; cancelling it while it runs interrupts that thread. Blocking
     * calls that follow one another run on the same thread, borrowed until the line of them ends.
     */
    private final class BlockingCall<T> extends QueuedCall<T> {

        private final Callable<T> work;
        private final String deviceId;
        // Guarded by this.
        private Thread running;

        BlockingCall(Callable<T> work, String deviceId) {
            this.work = work;
            this.deviceId = deviceId;
        }

        @Override
        CompletableFuture<?> start() {
            CompletableFuture<Void> over = new CompletableFuture<>();
            if (isDone()) {
                over.complete(null);
                return over;
            }
            if (onRunner.get()) {
                run();
                over.complete(null);
                return over;
            }
            runOnRunner(this, () -> {
                onRunner.set(true);
                try {
                    run();
                    // The next call starts here, and a blocking one runs on this thread.
                    over.complete(null);
                } finally {
                    onRunner.set(false);
                    over.complete(null);
                }
            }, over, deviceId);
            return over;
        }

        private void run() {
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

    /**
     * Blocking preparation on a runner thread, then started work: cancelling it interrupts the
     * preparation, or runs the cancel action once the rest is under way.
     */
    private final class PreparedCall<T> extends QueuedCall<T> {

        private final Callable<CompletableFuture<T>> work;
        private final Runnable onCancel;
        private final String deviceId;
        // Guarded by this.
        private Thread preparing;
        private boolean underWay;

        PreparedCall(Callable<CompletableFuture<T>> work, Runnable onCancel, String deviceId) {
            this.work = work;
            this.onCancel = onCancel;
            this.deviceId = deviceId;
        }

        @Override
        CompletableFuture<?> start() {
            CompletableFuture<Void> over = new CompletableFuture<>();
            if (isDone()) {
                over.complete(null);
                return over;
            }
            runOnRunner(this, () -> prepare(over), over, deviceId);
            return over;
        }

        private void prepare(CompletableFuture<Void> over) {
            synchronized (this) {
                if (isDone()) {
                    over.complete(null);
                    return;
                }
                preparing = Thread.currentThread();
            }
            CompletableFuture<T> started;
            try {
                started = Objects.requireNonNull(work.call(), "the work's future");
            } catch (Exception | Error e) {
                completeExceptionally(e);
                over.complete(null);
                return;
            } finally {
                synchronized (this) {
                    preparing = null;
                    // A cancel that came as the preparation ended must not interrupt later work.
                    Thread.interrupted();
                }
            }
            boolean cancelled;
            synchronized (this) {
                underWay = true;
                cancelled = isCancelled();
            }
            if (cancelled) {
                onCancel.run();
            }
            started.whenComplete((value, failure) -> {
                if (failure == null) {
                    complete(value);
                } else {
                    completeExceptionally(Futures.cause(failure));
                }
                over.complete(null);
            });
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            boolean running;
            synchronized (this) {
                if (cancelled && preparing != null) {
                    preparing.interrupt();
                }
                running = underWay;
            }
            if (cancelled && running) {
                onCancel.run();
            }
            return cancelled;
        }
    }

    /** Work that runs without a thread of its own; cancelling it while under way runs its cancel action. */
    private static final class StartedCall<T> extends QueuedCall<T> {

        private final Supplier<CompletableFuture<T>> work;
        private final Runnable onCancel;
        // Guarded by this.
        private boolean underWay;

        StartedCall(Supplier<CompletableFuture<T>> work, Runnable onCancel) {
            this.work = work;
            this.onCancel = onCancel;
        }

        @Override
        CompletableFuture<?> start() {
            synchronized (this) {
                if (isDone()) {
                    return CompletableFuture.completedFuture(null);
                }
                underWay = true;
            }
            CompletableFuture<T> started;
            try {
                started = Objects.requireNonNull(work.get(), "the work's future");
            } catch (RuntimeException | Error e) {
                completeExceptionally(e);
                return CompletableFuture.completedFuture(null);
            }
            return started.whenComplete((value, failure) -> {
                if (failure == null) {
                    complete(value);
                } else {
                    completeExceptionally(Futures.cause(failure));
                }
            });
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            boolean running;
            synchronized (this) {
                running = underWay;
            }
            if (cancelled && running) {
                onCancel.run();
            }
            return cancelled;
        }
    }
}
