package dev.hwbridge.simulator.transport;

import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.ReportWriter;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends frames as 64-byte reports, one per datagram. A frame's reports go out together: sends
 * from different threads (replies, KEEPALIVE, INIT answers) never interleave within a frame,
 * which the host's reassembly would take as a broken message.
 */
final class ReportSocket {

    private static final Logger LOG = LoggerFactory.getLogger(ReportSocket.class);

    private final DatagramSocket socket;
    private final ReportTiming timing;

    ReportSocket(DatagramSocket socket, ReportTiming timing) {
        this.socket = socket;
        this.timing = timing;
    }

    /** Reports sent so far. */
    long reports() {
        return timing.reports();
    }

    /** The lock held while a frame is sent; hold it to make a check-then-send atomic. */
    Object lock() {
        return this;
    }

    synchronized void send(Frame frame, SocketAddress to) {
        for (byte[] report : ReportWriter.write(frame)) {
            timing.pass();
            try {
                socket.send(new DatagramPacket(report, report.length, to));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warn("cannot send a {} report to {}: {}", frame.command(), to, e.getClass().getSimpleName());
                }
                return;
            }
        }
    }
}
