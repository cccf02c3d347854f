package dev.hwbridge.daemon.rpc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The calls of one connection: admits them ({@link CallAdmission}), starts them on worker threads
 * (at once or after the admission's delay), bounds how many are unfinished at a time (running, or
 * waiting for a device without a thread), and stops them all when the connection closes: a
 * starting one is interrupted, a waiting one cancelled. Thread-safe.
 */
public final class CallScope {

    private final CallAdmission admission;
    private final ScheduledExecutorService timer;
    private final int maxInFlight;
    private final Set<Task<?>> inFlight = new LinkedHashSet<>();
    private boolean closed;
    private long refusedBusy;

    /**
     * @param admission   decides when each call may run
     * @param timer       runs delayed starts (the connection's event loop suits)
     * @param maxInFlight how many calls may be started and unfinished at once; more are refused
     */
    public CallScope(CallAdmission admission, ScheduledExecutorService timer, int maxInFlight) {
        this.admission = Objects.requireNonNull(admission, "admission");
        this.timer = Objects.requireNonNull(timer, "timer");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        this.maxInFlight = maxInFlight;
    }

    /** Asks the admission about the next call; a closed scope refuses everything. */
    long admitNanos() {
        synchronized (this) {
            if (closed) {
                return CallAdmission.REFUSE;
            }
        }
        return admission.admitNanos();
    }

    /**
     * Starts {@code work} on {@code workers} after {@code delayNanos}; the call is finished when the
     * future {@code work} returns completes. The result fails with {@link CancellationException} if
     * the scope is or gets closed first, and with {@link RejectedExecutionException} if too many
     * calls are in flight or the workers refuse it.
     */
    <T> CompletableFuture<T> start(Callable<CompletableFuture<T>> work, long delayNanos, Executor workers) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Task<T> task = new Task<>(work, result);
        synchronized (this) {
            if (closed) {
                result.completeExceptionally(new CancellationException("the connection is closed"));
                return result;
            }
            if (inFlight.size() >= maxInFlight) {
                refusedBusy++;
                result.completeExceptionally(new RejectedExecutionException(
                        "more than " + maxInFlight + " calls in progress on this connection"));
                return result;
            }
            inFlight.add(task);
        }
        if (delayNanos > 0) {
            try {
                timer.schedule(() -> submit(task, workers), delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                task.reject(e);
            }
        } else {
            submit(task, workers);
        }
        return result;
    }

    /** How many calls are started or waiting for their delay and not finished. */
    public synchronized int inFlight() {
        return inFlight.size();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Refuses further calls and interrupts the running ones. Idempotent. */
    public void close() {
        List<Task<?>> toCancel;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toCancel = new ArrayList<>(inFlight);
        }
        // Cancelled outside the lock: completing a call's future runs its dependants inline.
        for (Task<?> task : toCancel) {
            task.cancel(true);
            task.cancelPending();
        }
    }

    private void submit(Task<?> task, Executor workers) {
        if (task.isDone()) {
            return;
        }
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                refusedBusy++;
            }
            task.reject(e);
        }
    }

    /** Calls refused so far because too many were in progress (on this connection, or on the workers). */
    public synchronized long refusedBusy() {
        return refusedBusy;
    }

    private synchronized void finished(Task<?> task) {
        inFlight.remove(task);
    }

    /**
     * A call whose cancellation interrupts the worker starting it, unlike CompletableFuture's; once
     * started, it is finished when the future it returned completes.
     */
    private final class Task<T> extends FutureTask<CompletableFuture<T>> {

        private final CompletableFuture<T> result;
        private volatile CompletableFuture<T> pending;

        Task(Callable<CompletableFuture<T>> work, CompletableFuture<T> result) {
            super(work);
            this.result = result;
        }

        void reject(RejectedExecutionException e) {
            setException(e);
        }

        /** Cancels the work the call left waiting, if any. */
        void cancelPending() {
            CompletableFuture<T> waiting = pending;
            if (waiting != null) {
                waiting.cancel(true);
            }
        }

        @Override
        protected void done() {
            if (isCancelled()) {
                finished(this);
                result.completeExceptionally(new CancellationException("the connection closed"));
                return;
            }
            CompletableFuture<T> started;
            try {
                started = get();
            } catch (ExecutionException e) {
                finished(this);
                result.completeExceptionally(e.getCause());
                return;
            } catch (InterruptedException e) {
                // get() on a done task never blocks; kept for the compiler.
                Thread.currentThread().interrupt();
                finished(this);
                result.completeExceptionally(e);
                return;
            }
            pending = started;
            started.whenComplete((value, failure) -> {
                finished(this);
                if (failure == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure);
                }
            });
            if (isClosed()) {
                // Closed while the call was starting: close() may have missed the pending work.
                started.cancel(true);
            }
        }
    }
}
