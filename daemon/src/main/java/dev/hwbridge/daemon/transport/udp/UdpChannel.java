package dev.hwbridge.daemon.transport.udp;

import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.TransportException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * An open UDP device: one datagram per 64-byte report, on its own socket connected to the
 * simulator, so only that simulator's datagrams reach it. Reads block in the socket with a
 * timeout; {@link #close()} closes the socket, which wakes a blocked reader.
 *
 * <p>The socket is a {@link DatagramSocket}, not a {@code DatagramChannel}: interrupting a thread
 * blocked in a channel closes the channel, and the protocol client, whose caller is interrupted
 * when its wallet disconnects, must still send the CANCEL that takes the device back to idle.
 * An interrupted reader notices at its next read timeout (the client reads in short slices).
 */
final class UdpChannel implements DeviceChannel {

    private final DeviceDescriptor descriptor;
    private final DatagramSocket socket;
    private final Consumer<UdpChannel> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String goneReason = "the channel was closed";

    private UdpChannel(DeviceDescriptor descriptor, DatagramSocket socket, Consumer<UdpChannel> onClose) {
        this.descriptor = descriptor;
        this.socket = socket;
        this.onClose = onClose;
    }

    /** Opens a socket on loopback connected to {@code device}. */
    static UdpChannel open(DeviceDescriptor descriptor, InetSocketAddress device, Consumer<UdpChannel> onClose)
            throws TransportException {
        DatagramSocket socket = null;
        try {
            socket = new DatagramSocket(UdpAddresses.localBindFor(device));
            socket.connect(device);
            return new UdpChannel(descriptor, socket, Objects.requireNonNull(onClose, "onClose"));
        } catch (IOException e) {
            if (socket != null) {
                socket.close();
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
            socket.send(new DatagramPacket(report, report.length));
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
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            socket.receive(packet);
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
            socket.close();
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
        if (closed.get() || socket.isClosed()) {
            return new TransportException(TransportException.Code.DEVICE_GONE, goneReason + ": " + descriptor.path(), e);
        }
        return new TransportException(TransportException.Code.IO, "cannot " + action + " " + descriptor.path(), e);
    }
}
