package dev.hwbridge.testkit.device;

import dev.hwbridge.protocol.client.ReportPort;
import dev.hwbridge.protocol.framing.HidFraming;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** How a {@link ScriptedDevice} is plugged in: what it reads, from which host, and where its answers go. */
interface DeviceLink {

    /** One report and the host it came from. */
    record Report(Object host, byte[] bytes) {
    }

    /** The next report, empty after {@code timeout}; IOException once the link is gone. */
    Optional<Report> read(Duration timeout) throws IOException;

    void send(Object host, byte[] bytes) throws IOException;

    void close();

    default ReportPort hostPort() {
        throw new IllegalStateException("this device is not on a pipe");
    }

    default InetSocketAddress address() {
        throw new IllegalStateException("this device is not on UDP");
    }

    /** An in-memory cable to one host. */
    record Pipe(MemoryPipe pipe) implements DeviceLink {

        private static final Object HOST = "host";

        @Override
        public Optional<Report> read(Duration timeout) throws IOException {
            return pipe.deviceEnd().read(timeout).map(bytes -> new Report(HOST, bytes));
        }

        @Override
        public void send(Object host, byte[] bytes) throws IOException {
            pipe.deviceEnd().write(bytes);
        }

        @Override
        public void close() {
            pipe.close();
        }

        @Override
        public ReportPort hostPort() {
            return pipe.hostEnd();
        }
    }

    /**
     * A UDP socket on loopback, one report per datagram: a datagram of another size is not a
     * report and is ignored, as PROTOCOL.md §1 tells a device to.
     */
    final class Udp implements DeviceLink {

        private final DatagramSocket socket;

        private Udp(DatagramSocket socket) {
            this.socket = socket;
        }

        static Udp bind(int port) throws IOException {
            return new Udp(new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port)));
        }

        @Override
        public Optional<Report> read(Duration timeout) throws IOException {
            byte[] buffer = new byte[HidFraming.REPORT_SIZE + 1];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException quiet) {
                return Optional.empty();
            }
            if (packet.getLength() != HidFraming.REPORT_SIZE) {
                return Optional.empty();
            }
            return Optional.of(new Report(packet.getSocketAddress(), Arrays.copyOf(buffer, HidFraming.REPORT_SIZE)));
        }

        @Override
        public void send(Object host, byte[] bytes) throws IOException {
            socket.send(new DatagramPacket(bytes, bytes.length, (SocketAddress) host));
        }

        @Override
        public void close() {
            socket.close();
        }

        @Override
        public InetSocketAddress address() {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }
    }
}
