package dev.hwbridge.simulator.testing;

import dev.hwbridge.protocol.client.ReportPort;
import dev.hwbridge.protocol.framing.HidFraming;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * A {@link ReportPort} to a simulator over UDP on loopback, one report per datagram, for driving
 * the simulator with the reference {@link dev.hwbridge.protocol.client.DeviceClient} in tests.
 * Reads cannot be interrupted; they return within their timeout, as the port contract allows.
 */
public final class UdpReportPort implements ReportPort {

    private final DatagramSocket socket;

    public UdpReportPort(int devicePort) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), devicePort));
    }

    @Override
    public void write(byte[] report) throws IOException {
        if (report.length != HidFraming.REPORT_SIZE) {
            throw new IllegalArgumentException("a report has 64 bytes");
        }
        socket.send(new DatagramPacket(report.clone(), report.length));
    }

    @Override
    public Optional<byte[]> read(Duration timeout) throws IOException {
        byte[] buffer = new byte[HidFraming.REPORT_SIZE + 1];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        if (packet.getLength() != HidFraming.REPORT_SIZE) {
            throw new IOException("the device sent a datagram of " + packet.getLength() + " bytes");
        }
        return Optional.of(Arrays.copyOf(buffer, HidFraming.REPORT_SIZE));
    }

    @Override
    public void close() {
        socket.close();
    }
}
