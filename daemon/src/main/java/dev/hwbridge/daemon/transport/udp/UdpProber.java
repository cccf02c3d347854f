package dev.hwbridge.daemon.transport.udp;

import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.FrameCommand;
import dev.hwbridge.protocol.framing.FramingException;
import dev.hwbridge.protocol.framing.HidFraming;
import dev.hwbridge.protocol.framing.InitReply;
import dev.hwbridge.protocol.framing.InitRequest;
import dev.hwbridge.protocol.framing.Reassembler;
import dev.hwbridge.protocol.framing.ReportWriter;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks UDP devices whether they are there: a CTAPHID INIT with a fresh random nonce on the
 * broadcast channel, sent from the prober's own sockets (never from an open channel's), so probing
 * never mixes with a session's reports. A device answers INIT from any address, at any time.
 * Only the probe thread uses a prober.
 */
final class UdpProber implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UdpProber.class);

    private final Selector selector;
    /** One unconnected socket per address family, bound to that family's loopback address. */
    private final Map<Boolean, DatagramChannel> socketsByIpv6 = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    UdpProber() throws IOException {
        this.selector = Selector.open();
    }

    /**
     * Sends one INIT to every target and waits up to {@code timeout} for the answers.
     *
     * @return the targets that answered with their own nonce, and what they answered
     */
    Map<InetSocketAddress, InitReply> probe(Collection<InetSocketAddress> targets, Duration timeout) throws IOException {
        Map<ByteBuffer, InetSocketAddress> pending = new HashMap<>();
        for (InetSocketAddress target : targets) {
            InitRequest request = InitRequest.random(random);
            byte[] report = ReportWriter.write(request.toFrame()).get(0);
            try {
                socketFor(target).send(ByteBuffer.wrap(report), target);
                pending.put(ByteBuffer.wrap(request.nonce()), target);
            } catch (IOException e) {
                // Counts as a missed probe for this target; the others are still asked.
                LOG.debug("cannot send a probe to {}", UdpAddresses.path(target), e);
            }
        }
        Map<InetSocketAddress, InitReply> answered = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteBuffer buffer = ByteBuffer.allocate(HidFraming.REPORT_SIZE + 1);
        while (!pending.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || Thread.currentThread().isInterrupted()) {
                // Interrupted: the bus is closing; select would return at once until the deadline.
                break;
            }
            selector.select(Math.max(1, Duration.ofNanos(left).toMillis()));
            selector.selectedKeys().clear();
            for (DatagramChannel socket : socketsByIpv6.values()) {
                SocketAddress from;
                while ((from = receive(socket, buffer)) != null) {
                    buffer.flip();
                    readAnswer(buffer, from).ifPresent(reply -> {
                        InetSocketAddress target = pending.remove(ByteBuffer.wrap(reply.nonce()));
                        if (target != null) {
                            answered.put(target, reply);
                        }
                    });
                }
            }
        }
        return answered;
    }

    @Override
    public void close() {
        for (DatagramChannel socket : socketsByIpv6.values()) {
            try {
                socket.close();
            } catch (IOException e) {
                // A UDP socket has nothing to flush; nothing is lost.
                LOG.debug("closing a probe socket failed", e);
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing the probe selector failed", e);
        }
    }

    private static SocketAddress receive(DatagramChannel socket, ByteBuffer buffer) throws IOException {
        buffer.clear();
        return socket.receive(buffer);
    }

    /** The INIT reply in one datagram, or empty for anything else (a late or foreign datagram). */
    private static Optional<InitReply> readAnswer(ByteBuffer datagram, SocketAddress from) {
        if (datagram.remaining() != HidFraming.REPORT_SIZE) {
            LOG.debug("ignoring a {}-byte datagram from {}", datagram.remaining(), from);
            return Optional.empty();
        }
        byte[] report = new byte[HidFraming.REPORT_SIZE];
        datagram.get(report);
        try {
            Optional<Frame> frame = new Reassembler().accept(report);
            if (frame.isPresent() && frame.get().command() == FrameCommand.INIT) {
                return Optional.of(InitReply.from(frame.get()));
            }
            LOG.debug("ignoring a report from {} that is not an INIT reply", from);
        } catch (FramingException e) {
            LOG.debug("ignoring a malformed INIT reply from {}: {} {}", from, e.error(), e.getMessage());
        }
        return Optional.empty();
    }

    private DatagramChannel socketFor(InetSocketAddress target) throws IOException {
        boolean ipv6 = target.getAddress() instanceof Inet6Address;
        DatagramChannel socket = socketsByIpv6.get(ipv6);
        if (socket == null) {
            socket = DatagramChannel.open(ipv6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            try {
                socket.bind(UdpAddresses.localBindFor(target));
                socket.configureBlocking(false);
                socket.register(selector, SelectionKey.OP_READ);
            } catch (IOException e) {
                try {
                    socket.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            socketsByIpv6.put(ipv6, socket);
        }
        return socket;
    }
}
