package dev.hwbridge.daemon.transport.udp;

import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.TransportException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open UDP device: one datagram per 64-byte report, on its own socket connected to the
 * simulator, so only that simulator's datagrams reach it. Reads block in the socket with a
 * timeout; {@link #close()} closes the socket, which wakes a blocked reader.
 */
final class UdpChannel implements DeviceChannel {

    private static final Logger LOG = LoggerFactory.getLogger(UdpChannel.class);

    private final DeviceDescriptor descriptor;
    private final DatagramChannel socket;
    private final Consumer<UdpChannel> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String goneReason = "the channel was closed";

    private UdpChannel(DeviceDescriptor descriptor, DatagramChannel socket, Consumer<UdpChannel> onClose) {
        this.descriptor = descriptor;
        this.socket = socket;
        this.onClose = onClose;
    }

    /** Opens a socket on loopback connected to {@code device}. */
    static UdpChannel open(DeviceDescriptor descriptor, InetSocketAddress device, Consumer<UdpChannel> onClose)
            throws TransportException {
        DatagramChannel socket = null;
        try {
            InetSocketAddress local = UdpAddresses.localBindFor(device);
            socket = DatagramChannel.open(local.getAddress() instanceof Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            socket.bind(local);
            socket.connect(device);
            return new UdpChannel(descriptor, socket, Objects.requireNonNull(onClose, "onClose"));
        } catch (IOException e) {
            if (socket != null) {
                closeSocket(socket, descriptor);
            }
            throw new TransportException(TransportException.Code.IO, "cannot open a socket to " + descriptor.path(), e);
        }
    }

    @Override
    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void write(byte[] report) throws TransportException {
        Objects.requireNonNull(report, "report");
        if (report.length != REPORT_SIZE) {
            throw new TransportException(TransportException.Code.BAD_REPORT,
                    "a report has " + REPORT_SIZE + " bytes, got " + report.length);
        }
        requireOpen();
        try {
            socket.write(ByteBuffer.wrap(report));
        } catch (PortUnreachableException e) {
            throw new TransportException(TransportException.Code.DEVICE_GONE, "nothing listens at " + descriptor.path(), e);
        } catch (IOException e) {
            throw failure("write", e);
        }
    }

    @Override
    public Optional<byte[]> read(Duration timeout) throws TransportException {
        Objects.requireNonNull(timeout, "timeout");
        requireOpen();
        // One byte more than a report, so a longer datagram shows up as too long, not truncated to fit.
        byte[] buffer = new byte[REPORT_SIZE + 1];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            // 0 would mean "forever" to the socket; the shortest wait is 1 ms.
            socket.socket().setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            socket.socket().receive(packet);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (PortUnreachableException e) {
            throw new TransportException(TransportException.Code.DEVICE_GONE, "nothing listens at " + descriptor.path(), e);
        } catch (IOException e) {
            throw failure("read", e);
        }
        if (packet.getLength() != REPORT_SIZE) {
            throw new TransportException(TransportException.Code.BAD_REPORT,
                    "a datagram of " + packet.getLength() + (packet.getLength() > REPORT_SIZE ? " or more" : "")
                            + " bytes from " + descriptor.path() + " is not a 64-byte report");
        }
        return Optional.of(Arrays.copyOf(buffer, REPORT_SIZE));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeSocket(socket, descriptor);
            onClose.accept(this);
        }
    }

    /** Closes the channel because the device went away; readers and writers then get DEVICE_GONE with this reason. */
    void closeBecauseGone(String reason) {
        goneReason = reason;
        close();
    }

    boolean isOpen() {
        return !closed.get();
    }

    private void requireOpen() throws TransportException {
        if (closed.get()) {
            throw new TransportException(TransportException.Code.DEVICE_GONE, goneReason + ": " + descriptor.path());
        }
    }

    private TransportException failure(String action, IOException e) {
        if (Thread.currentThread().isInterrupted()) {
            // An interrupt closes a NIO channel; the channel is unusable from now on.
            close();
            return new TransportException(TransportException.Code.IO, "interrupted during " + action + " on " + descriptor.path(), e);
        }
        if (closed.get() || !socket.isOpen()) {
            return new TransportException(TransportException.Code.DEVICE_GONE, goneReason + ": " + descriptor.path(), e);
        }
        return new TransportException(TransportException.Code.IO, "cannot " + action + " " + descriptor.path(), e);
    }

    private static void closeSocket(DatagramChannel socket, DeviceDescriptor descriptor) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing is lost: a UDP socket has nothing to flush.
            LOG.debug("closing the socket of {} failed", descriptor.path(), e);
        }
    }
}
