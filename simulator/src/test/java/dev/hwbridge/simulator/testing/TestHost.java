package dev.hwbridge.simulator.testing;

import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.FrameCommand;
import dev.hwbridge.protocol.framing.FrameError;
import dev.hwbridge.protocol.framing.FramingException;
import dev.hwbridge.protocol.framing.HidFraming;
import dev.hwbridge.protocol.framing.InitReply;
import dev.hwbridge.protocol.framing.InitRequest;
import dev.hwbridge.protocol.framing.KeepaliveStatus;
import dev.hwbridge.protocol.framing.Reassembler;
import dev.hwbridge.protocol.framing.ReportWriter;
import dev.hwbridge.protocol.message.MessageException;
import dev.hwbridge.protocol.message.Messages;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A minimal host for tests: talks the device protocol to a simulator over UDP with the shared
 * framing code (the daemon's own client lives in device-protocol). One channel per host.
 */
public final class TestHost implements AutoCloseable {

    /** Generous: the build machine is shared and slow at times. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final DatagramSocket socket;
    private final InetSocketAddress device;
    private final Reassembler reassembler = new Reassembler();
    private final SecureRandom random = new SecureRandom();
    private int channel;

    public TestHost(int devicePort) {
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            this.socket.setSoTimeout(20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.device = new InetSocketAddress(InetAddress.getLoopbackAddress(), devicePort);
    }

    /** A host with a channel already allocated. */
    public static TestHost connect(int devicePort) {
        TestHost host = new TestHost(devicePort);
        host.init();
        return host;
    }

    /** Runs INIT on the broadcast channel and keeps the channel; returns the reply. */
    public InitReply init() {
        InitRequest request = InitRequest.random(random);
        send(request.toFrame());
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Frame frame = receive(TIMEOUT);
            if (frame.command() == FrameCommand.INIT && frame.channel() == HidFraming.BROADCAST_CHANNEL) {
                try {
                    InitReply reply = InitReply.from(frame);
                    if (reply.answers(request)) {
                        channel = reply.channel();
                        return reply;
                    }
                } catch (FramingException e) {
                    throw new AssertionError("bad INIT reply", e);
                }
            }
        }
        throw new AssertionError("no INIT reply");
    }

    public int channel() {
        return channel;
    }

    public void useChannel(int other) {
        channel = other;
    }

    public void send(Frame frame) {
        for (byte[] report : ReportWriter.write(frame)) {
            sendDatagram(report);
        }
    }

    public void sendDatagram(byte[] datagram) {
        try {
            socket.send(new DatagramPacket(datagram, datagram.length, device));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void sendMessage(Request request) {
        try {
            send(Frame.message(channel, Messages.encode(request)));
        } catch (MessageException e) {
            throw new AssertionError(e);
        }
    }

    /** CANCEL on this host's channel. */
    public void cancel() {
        send(Frame.cancel(channel));
    }

    /** The next whole frame, or AssertionError after {@code timeout}. */
    public Frame receive(Duration timeout) {
        return poll(timeout).orElseThrow(() -> new AssertionError("no frame within " + timeout));
    }

    /** The next whole frame, if one comes within {@code timeout}. */
    public Optional<Frame> poll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[HidFraming.REPORT_SIZE + 1];
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (packet.getLength() != HidFraming.REPORT_SIZE) {
                throw new AssertionError("the device sent a datagram of " + packet.getLength() + " bytes");
            }
            try {
                Optional<Frame> frame = reassembler.accept(Arrays.copyOf(buffer, HidFraming.REPORT_SIZE));
                if (frame.isPresent()) {
                    return frame;
                }
            } catch (FramingException e) {
                throw new AssertionError("the device broke the framing rules", e);
            }
        }
        return Optional.empty();
    }

    /** Sends {@code request} and collects every reply up to the final one. */
    public Exchange call(Request request) {
        sendMessage(request);
        return collect();
    }

    /** {@link #call} on another thread, for requests that wait for the screen. */
    public CompletableFuture<Exchange> callAsync(Request request) {
        sendMessage(request);
        return CompletableFuture.supplyAsync(this::collect);
    }

    /** Collects replies on this channel up to the final Response. */
    public Exchange collect() {
        List<Response> interims = new ArrayList<>();
        List<KeepaliveStatus> keepalives = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Frame frame = receive(TIMEOUT);
            if (frame.channel() != channel) {
                continue;
            }
            switch (frame.command()) {
                case KEEPALIVE -> keepalives.add(keepaliveStatus(frame));
                case ERROR -> throw new AssertionError("device sent ERROR " + errorCode(frame));
                case MSG -> {
                    Response response = parse(frame);
                    if (Messages.isFinal(response)) {
                        return new Exchange(List.copyOf(interims), response, List.copyOf(keepalives));
                    }
                    interims.add(response);
                }
                default -> throw new AssertionError("unexpected " + frame.command());
            }
        }
        throw new AssertionError("no final reply within " + TIMEOUT);
    }

    public static Response parse(Frame frame) {
        try {
            return Messages.parseResponse(frame.payload());
        } catch (MessageException e) {
            throw new AssertionError("the device sent a bad Response", e);
        }
    }

    public static FrameError errorCode(Frame frame) {
        try {
            return frame.errorCode();
        } catch (FramingException e) {
            throw new AssertionError(e);
        }
    }

    private static KeepaliveStatus keepaliveStatus(Frame frame) {
        try {
            return frame.keepaliveStatus();
        } catch (FramingException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
