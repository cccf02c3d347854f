package dev.hwbridge.protocol.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A blocking {@link ReportPort} as a {@link ReportLink}: one reader thread per open device (not
 * per call) reads while the client {@link #demand wants} reports and pushes them on. hidapi and
 * libusb's synchronous reads give no other way to hear a device without a thread.
 */
public final class ReaderThreadLink implements ReportLink {

    /** Reads wait at most this long, so a close is seen even on a port whose reads ignore it. */
    private static final Duration READ_SLICE = Duration.ofMillis(100);

    private final ReportPort port;
    private final String threadName;
    private final Object lock = new Object();
    // Guarded by lock.
    private boolean wanted;
    /** A report went to the client, which has not said yet whether it wants another. */
    private boolean delivered;
    private boolean closed;
    private Thread reader;

    /** @param threadName names the reader thread (say which device it reads) */
    public ReaderThreadLink(ReportPort port, String threadName) {
        this.port = Objects.requireNonNull(port, "port");
        this.threadName = Objects.requireNonNull(threadName, "threadName");
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
        }
        thread.start();
    }

    @Override
    public void send(byte[] report) throws IOException {
        port.write(report);
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
