package dev.hwbridge.protocol.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * A blocking {@link ReportPort} as a {@link ReportLink}: one reader thread per open device (not
 * per call) reads while the client {@link #demand wants} reports and pushes them on. hidapi and
 * libusb's synchronous reads give no other way to hear a device without a thread.
 *
 * <p>Writes happen on the client's executor, or, for a link made {@link #withWriterThread with a
 * writer thread}, on one more thread per open device: a USB write may block for seconds on a
 * device that does not take it, and must not stall an event loop that other devices share. A
 * failed write then reaches the client as a failure of the link.
 */
public final class ReaderThreadLink implements ReportLink {

    /** Reads wait at most this long, so a close is seen even on a port whose reads ignore it. */
    private static final Duration READ_SLICE = Duration.ofMillis(100);

    private final ReportPort port;
    private final String threadName;
    private final boolean writerThread;
    private final Object lock = new Object();
    // Guarded by lock.
    private boolean wanted;
    /** A report went to the client, which has not said yet whether it wants another. */
    private boolean delivered;
    private boolean closed;
    private Thread reader;
    private ExecutorService writer;
    private Consumer<IOException> failures;

    /**
     * Writes on the caller's thread.
     *
     * @param threadName names the reader thread (say which device it reads)
     */
    public ReaderThreadLink(ReportPort port, String threadName) {
        this(port, threadName, false);
    }

    private ReaderThreadLink(ReportPort port, String threadName, boolean writerThread) {
        this.port = Objects.requireNonNull(port, "port");
        this.threadName = Objects.requireNonNull(threadName, "threadName");
        this.writerThread = writerThread;
    }

    /** A link whose {@link #send} hands the report to a writer thread of its own and returns at once. */
    public static ReaderThreadLink withWriterThread(ReportPort port, String threadName) {
        return new ReaderThreadLink(port, threadName, true);
    }

    @Override
    public void start(Consumer<byte[]> onReport, Consumer<IOException> onFailure) {
        Objects.requireNonNull(onReport, "onReport");
        Objects.requireNonNull(onFailure, "onFailure");
        Thread thread = new Thread(() -> readLoop(onReport, onFailure), threadName);
        thread.setDaemon(true);
        synchronized (lock) {
            if (reader != null) {
                throw new IllegalStateException("already started");
            }
            reader = thread;
            failures = onFailure;
            if (writerThread) {
                writer = Executors.newSingleThreadExecutor(runnable -> {
                    Thread written = new Thread(runnable, threadName + "-write");
                    written.setDaemon(true);
                    return written;
                });
            }
        }
        thread.start();
    }

    @Override
    public void send(byte[] report) throws IOException {
        ExecutorService out;
        Consumer<IOException> failed;
        synchronized (lock) {
            if (closed) {
                throw new IOException("the link is closed");
            }
            out = writer;
            failed = failures;
        }
        if (out == null) {
            port.write(report);
            return;
        }
        // A copy, zeroed once written: the caller zeroes its array on return (it may carry a password).
        byte[] copy = report.clone();
        try {
            out.execute(() -> {
                try {
                    port.write(copy);
                } catch (IOException e) {
                    if (!isClosed()) {
                        failed.accept(e);
                    }
                } finally {
                    Arrays.fill(copy, (byte) 0);
                }
            });
        } catch (RejectedExecutionException e) {
            Arrays.fill(copy, (byte) 0);
            throw new IOException("the link is closed", e);
        }
    }

    @Override
    public void demand(boolean wanted) {
        synchronized (lock) {
            this.wanted = wanted;
            delivered = false;
            lock.notifyAll();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
            if (writer != null) {
                writer.shutdown();
            }
        }
        // Wakes a blocked read (ReportPort's contract); the reader then sees closed and ends.
        port.close();
    }

    private void readLoop(Consumer<byte[]> onReport, Consumer<IOException> onFailure) {
        while (awaitDemand()) {
            Optional<byte[]> report;
            try {
                report = port.read(READ_SLICE);
            } catch (IOException e) {
                if (isClosed()) {
                    return;
                }
                boolean malformed = e instanceof PortException port && port.kind() == PortException.Kind.MALFORMED_REPORT;
                if (malformed) {
                    markDelivered();
                }
                onFailure.accept(e);
                if (!malformed) {
                    return;
                }
                continue;
            }
            if (report != null && report.isPresent() && !isClosed()) {
                markDelivered();
                onReport.accept(report.get());
            }
        }
    }

    /** @return false once closed */
    private boolean awaitDemand() {
        synchronized (lock) {
            while (!closed && (!wanted || delivered)) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    // Nobody interrupts this thread but a shutdown: stop reading.
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !closed;
        }
    }

    private void markDelivered() {
        synchronized (lock) {
            delivered = true;
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }
}
