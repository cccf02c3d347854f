package dev.hwbridge.daemon.transport.udp;

import dev.hwbridge.protocol.framing.Channels;
import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.FrameError;
import dev.hwbridge.protocol.framing.FramingException;
import dev.hwbridge.protocol.framing.HidFraming;
import dev.hwbridge.protocol.framing.InitReply;
import dev.hwbridge.protocol.framing.InitRequest;
import dev.hwbridge.protocol.framing.Reassembler;
import dev.hwbridge.protocol.framing.ReportWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A tiny device for tests: a UDP socket on loopback that answers INIT (allocating a channel) and
 * PING (echo) with the real framing code, one report per datagram, each peer with its own
 * reassembler. Anything else gets ERROR INVALID_COMMAND.
 */
final class FakeUdpDevice implements AutoCloseable {

    private final DatagramChannel socket;
    private final Thread loop;
    private final Map<SocketAddress, Reassembler> reassemblers = new HashMap<>();
    private final Random random = new Random(21336);
    private final AtomicInteger inits = new AtomicInteger();
    private final AtomicReference<SocketAddress> lastPingFrom = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private FakeUdpDevice(DatagramChannel socket) {
        this.socket = socket;
        this.loop = new Thread(this::serve, "fake-udp-device");
        loop.setDaemon(true);
        loop.start();
    }

    /** A device on a free port of 127.0.0.1. */
    static FakeUdpDevice start() throws IOException {
        return start(0);
    }

    /** A device on {@code port} of 127.0.0.1 (to restart one where it was). */
    static FakeUdpDevice start(int port) throws IOException {
        DatagramChannel socket = DatagramChannel.open();
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        return new FakeUdpDevice(socket);
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) socket.getLocalAddress();
    }

    int port() throws IOException {
        return address().getPort();
    }

    /** How many INIT requests it has answered. */
    int initsAnswered() {
        return inits.get();
    }

    /** Where the last PING came from: the socket of an open channel. */
    Optional<SocketAddress> lastPingFrom() {
        return Optional.ofNullable(lastPingFrom.get());
    }

    /** Sends raw bytes, e.g. a datagram that is not a report. */
    void sendRaw(SocketAddress to, byte[] datagram) throws IOException {
        socket.send(ByteBuffer.wrap(datagram), to);
    }

    /** Stops answering and frees the port. */
    @Override
    public void close() throws IOException {
        socket.close();
        try {
            loop.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the fake device failed", failure.get());
        }
    }

    private void serve() {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        try {
            while (true) {
                buffer.clear();
                SocketAddress from = socket.receive(buffer);
                buffer.flip();
                byte[] datagram = new byte[buffer.remaining()];
                buffer.get(datagram);
                handle(from, datagram);
            }
        } catch (ClosedChannelException stopped) {
            // close() was called: the device is switched off.
        } catch (IOException | RuntimeException e) {
            failure.set(e);
        }
    }

    private void handle(SocketAddress from, byte[] datagram) throws IOException {
        Reassembler reassembler = reassemblers.computeIfAbsent(from, peer -> new Reassembler());
        Optional<Frame> frame;
        try {
            frame = reassembler.accept(datagram);
        } catch (FramingException e) {
            if (e.channel().isPresent() && e.channel().getAsInt() != HidFraming.RESERVED_CHANNEL) {
                send(from, Frame.error(e.channel().getAsInt(), e.error()));
            }
            return;
        }
        if (frame.isEmpty()) {
            return;
        }
        Frame request = frame.get();
        switch (request.command()) {
            case INIT -> {
                try {
                    InitReply reply = InitReply.answering(InitRequest.from(request), Channels.allocate(random), 0, 1, 0);
                    inits.incrementAndGet();
                    send(from, reply.toFrame(request.channel()));
                } catch (FramingException e) {
                    send(from, Frame.error(request.channel(), e.error()));
                }
            }
            case PING -> {
                lastPingFrom.set(from);
                send(from, Frame.ping(request.channel(), request.payload()));
            }
            default -> send(from, Frame.error(request.channel(), FrameError.INVALID_COMMAND));
        }
    }

    private void send(SocketAddress to, Frame frame) throws IOException {
        for (byte[] report : ReportWriter.write(frame)) {
            socket.send(ByteBuffer.wrap(report), to);
        }
    }
}
