package dev.hwbridge.daemon.transport.ledger;

import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.TransportException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Ledger's side of the wire as fixed bytes, in memory: what the daemon's Ledger transports read
 * when a device sends exactly those bytes, for fuzz targets that must not open sockets or devices.
 */
public final class LedgerWires {

    private LedgerWires() {
    }

    /** The real {@link SpeculosChannel} over a socket that reads {@code stream} and then ends. */
    public static SpeculosWire speculos(byte[] stream) {
        StreamSocket socket = new StreamSocket(stream);
        AtomicInteger closes = new AtomicInteger();
        try {
            SpeculosChannel channel = new SpeculosChannel(socket, SpeculosBus.describe("tcp:127.0.0.1:9999"),
                    closing -> closes.incrementAndGet());
            return new SpeculosWire(channel, socket, closes);
        } catch (java.io.IOException e) {
            throw new AssertionError("an in-memory socket cannot fail", e);
        }
    }

    /** The real {@link HidApduTransport} over {@code bytes} cut into 64-byte reports (the last may be short). */
    public static HidWire hid(byte[] bytes) {
        ReportsChannel channel = new ReportsChannel(bytes);
        return new HidWire(new HidApduTransport(channel), channel);
    }

    /** A Speculos channel, its socket (what was written) and how often the bus heard of its close. */
    public record SpeculosWire(SpeculosChannel channel, StreamSocket socket, AtomicInteger closes) {
        public boolean alive() {
            return channel.isAlive();
        }
    }

    /** A HID transport and the channel under it. */
    public record HidWire(HidApduTransport transport, ReportsChannel channel) {
    }

    /** A socket whose input is fixed bytes and whose output is kept. */
    public static final class StreamSocket extends Socket {
        private final ByteArrayInputStream in;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private volatile boolean closed;

        StreamSocket(byte[] input) {
            this.in = new ByteArrayInputStream(input);
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        @Override
        public void setSoTimeout(int timeout) {
            // An in-memory stream never blocks: it has its bytes or it has ended.
        }

        @Override
        public void setTcpNoDelay(boolean on) {
            // Nothing to delay in memory.
        }

        @Override
        public synchronized void close() {
            closed = true;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        /** How many of the input's bytes were never read. */
        public int unread() {
            return in.available();
        }

        public byte[] written() {
            return out.toByteArray();
        }
    }

    /** A HID channel that hands out fixed reports, then is gone (as an unplugged Ledger is). */
    public static final class ReportsChannel implements DeviceChannel {
        private final byte[] bytes;
        private int at;
        private int written;
        private volatile boolean closed;

        ReportsChannel(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public DeviceDescriptor descriptor() {
            return new DeviceDescriptor("hid:fuzz", "hid", LedgerUsb.VENDOR_ID, 0x5011, "Nano S Plus", "");
        }

        @Override
        public void write(byte[] report) throws TransportException {
            if (report.length != REPORT_SIZE) {
                throw new AssertionError("the transport wrote a report of " + report.length + " bytes");
            }
            written++;
        }

        @Override
        public Optional<byte[]> read(Duration timeout) throws TransportException {
            if (closed || at >= bytes.length) {
                throw new TransportException(TransportException.Code.DEVICE_GONE, "the reports ran out");
            }
            int end = Math.min(bytes.length, at + REPORT_SIZE);
            byte[] report = Arrays.copyOfRange(bytes, at, end);
            at = end;
            return Optional.of(report);
        }

        @Override
        public void close() {
            closed = true;
        }

        /** How many of the bytes have been read as reports. */
        public int consumed() {
            return at;
        }

        public int reportsWritten() {
            return written;
        }
    }
}
