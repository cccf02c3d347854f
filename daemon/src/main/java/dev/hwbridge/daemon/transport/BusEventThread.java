package dev.hwbridge.daemon.transport;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * The single daemon thread on which a bus rescans, keeps its {@link AttachmentTracker} and calls its
 * {@link BusListener}, so listeners hear one event at a time. Once {@link #shutdownNow()} ran the
 * bus is closing, and tasks handed in later are dropped (logged at DEBUG) rather than thrown back.
 *
 * <p>Thread-safe.
 */
public final class BusEventThread {

    private final String transport;
    private final Logger log;
    private final ScheduledExecutorService executor;

    /**
     * @param transport the transport name; the thread is called {@code hwbridge-<transport>-events}
     * @param log       the owning bus's logger
     */
    public BusEventThread(String transport, Logger log) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.log = Objects.requireNonNull(log, "log");
        String threadName = "hwbridge-" + transport.toLowerCase(Locale.ROOT) + "-events";
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code task} on the thread after the tasks already queued. */
    public void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            dropped(e);
        }
    }

    /** Runs {@code task} on the thread once {@code delay} has passed. */
    public void schedule(Runnable task, Duration delay) {
        try {
            executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            dropped(e);
        }
    }

    /** Runs {@code task} now and then again {@code delay} after each run ends, until shut down. */
    public void repeat(Runnable task, Duration delay) {
        try {
            executor.scheduleWithFixedDelay(task, 0, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            dropped(e);
        }
    }

    /** Interrupts the running task, if any, and drops the queued ones. */
    public void shutdownNow() {
        executor.shutdownNow();
    }

    /** Waits up to {@code timeout} for the thread to end after {@link #shutdownNow()}; whether it did. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void dropped(RejectedExecutionException e) {
        log.debug("{} event task dropped: the bus is closing", transport, e);
    }
}
