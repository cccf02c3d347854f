package dev.hwbridge.testkit.device;

import dev.hwbridge.protocol.client.ReportPort;
import dev.hwbridge.protocol.framing.HidFraming;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Two {@link ReportPort}s joined in memory, like a USB cable: what one end writes the other reads,
 * in order. Closing either end unplugs both: reports already in flight are still delivered, then
 * reads and writes throw {@link IOException}. Reads are interruptible.
 */
public final class MemoryPipe {

    /** Marks the end of a queue once the pipe is closed; compared by identity. */
    private static final byte[] UNPLUGGED = new byte[0];

    private final BlockingQueue<byte[]> toDevice = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> toHost = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ReportPort host = new End(toHost, toDevice);
    private final ReportPort device = new End(toDevice, toHost);

    public ReportPort hostEnd() {
        return host;
    }

    public ReportPort deviceEnd() {
        return device;
    }

    public void close() {
        if (!closed.getAndSet(true)) {
            toDevice.add(UNPLUGGED);
            toHost.add(UNPLUGGED);
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    private final class End implements ReportPort {
        private final BlockingQueue<byte[]> in;
        private final BlockingQueue<byte[]> out;

        End(BlockingQueue<byte[]> in, BlockingQueue<byte[]> out) {
            this.in = in;
            this.out = out;
        }

        @Override
        public void write(byte[] report) throws IOException {
            if (closed.get()) {
                throw new IOException("unplugged");
            }
            if (report.length != HidFraming.REPORT_SIZE) {
                throw new IOException("a report has 64 bytes, got " + report.length);
            }
            // A copy: the writer zeroes its array once write returns.
            out.add(report.clone());
        }

        @Override
        public Optional<byte[]> read(Duration timeout) throws IOException {
            byte[] report;
            try {
                report = in.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            }
            if (report == UNPLUGGED) {
                in.add(UNPLUGGED);
                throw new IOException("unplugged");
            }
            return Optional.ofNullable(report);
        }

        @Override
        public void close() {
            MemoryPipe.this.close();
        }
    }
}
