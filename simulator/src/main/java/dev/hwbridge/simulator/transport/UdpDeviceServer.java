package dev.hwbridge.simulator.transport;

import dev.hwbridge.protocol.framing.Channels;
import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.FrameCommand;
import dev.hwbridge.protocol.framing.FrameError;
import dev.hwbridge.protocol.framing.FramingException;
import dev.hwbridge.protocol.framing.HidFraming;
import dev.hwbridge.protocol.framing.InitReply;
import dev.hwbridge.protocol.message.MessageIds;
import dev.hwbridge.protocol.message.MessageParts;
import dev.hwbridge.protocol.framing.InitRequest;
import dev.hwbridge.protocol.framing.KeepaliveStatus;
import dev.hwbridge.protocol.framing.Reassembler;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.MessageException;
import dev.hwbridge.protocol.message.Messages;
import dev.hwbridge.protocol.message.Redaction;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.simulator.device.DeviceLogic;
import dev.hwbridge.simulator.device.FirmwareVersion;
import dev.hwbridge.simulator.screen.DeviceScreen;
import dev.hwbridge.simulator.screen.InputKind;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's device protocol endpoint: UDP on 127.0.0.1, one 64-byte report per datagram,
 * framed exactly as USB HID reports are (PROTOCOL.md §1–§4), with the shared framing code.
 *
 * <ul>
 *   <li>INIT on the broadcast channel allocates a channel bound to the sender's address; INIT on
 *       an allocated channel resynchronises it (a request pending there is abandoned). INIT and
 *       PING are answered at once, also while the device is busy.</li>
 *   <li>MSG carries a Request to the {@link DeviceLogic}, which runs on one worker thread: the
 *       device does one thing at a time. A MSG while a request is pending gets ERROR CHANNEL_BUSY
 *       (a {@code Request{cancel}} on the pending channel cancels it instead); a request whose
 *       message id is not newer than the last one taken on its channel is a repeated datagram,
 *       dropped without an answer (PROTOCOL.md §4.1). A MSG that is not a
 *       valid Request gets a final {@code Failure INVALID_REQUEST}.</li>
 *   <li>While a request is pending the device sends KEEPALIVE whenever it has sent nothing for
 *       the keep-alive interval: status 2 while the screen waits for the user, 1 otherwise.</li>
 *   <li>CANCEL on the pending channel cancels the request (also before its first prompt); it ends
 *       with {@code Failure CANCELLED}.</li>
 *   <li>Framing errors get an ERROR frame on the offending channel; datagrams that are not 64
 *       bytes are ignored (they are not reports).</li>
 * </ul>
 * Payloads are never logged. {@link #close()} stops everything and cancels a pending request.
 */
public final class UdpDeviceServer implements AutoCloseable {

    /** The port the simulator listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 21336;
    /** How often a pending request's host hears from the device at least. */
    public static final Duration DEFAULT_KEEPALIVE = Duration.ofMillis(100);

    private static final Logger LOG = LoggerFactory.getLogger(UdpDeviceServer.class);
    private static final int RECEIVE_TIMEOUT_MILLIS = 100;

    private final DatagramSocket socket;
    private final ReportSocket out;
    private final DeviceLogic device;
    private final DeviceScreen screen;
    private final long keepaliveNanos;
    private final ReportTiming inbound;
    private final Reassembler reassembler = new Reassembler();
    private final ChannelTable channels;
    private final ExecutorService worker;
    private final ScheduledExecutorService ticker;
    private final Thread receiver;
    private volatile Exchange pending;
    private volatile boolean closed;
    /** Who is sending the half-received message, to tell them when it times out. */
    private SocketAddress reassemblyPeer;
    /** The channel and message id of the last request taken (receiver thread only); 0: none. */
    private int lastRequestChannel;
    private int lastMessageId;

    private UdpDeviceServer(DatagramSocket socket, DeviceLogic device, DeviceScreen screen, Duration keepalive,
            SecureRandom random, boolean hidTiming) {
        this.socket = socket;
        this.inbound = hidTiming ? ReportTiming.fullSpeedHid() : ReportTiming.unpaced();
        this.out = new ReportSocket(socket, hidTiming ? ReportTiming.fullSpeedHid() : ReportTiming.unpaced());
        this.device = device;
        this.screen = screen;
        this.keepaliveNanos = keepalive.toNanos();
        this.channels = new ChannelTable(random, this::isBusy);
        this.worker = Executors.newSingleThreadExecutor(daemon("device-worker"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("device-keepalive"));
        this.receiver = daemon("device-udp").newThread(this::receiveLoop);
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port) with the default keep-alive interval. */
    public static UdpDeviceServer start(DeviceLogic device, DeviceScreen screen, int port) throws IOException {
        return start(device, screen, port, DEFAULT_KEEPALIVE, new SecureRandom());
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0: any free port).
     *
     * @throws IOException if the port cannot be bound
     */
    public static UdpDeviceServer start(DeviceLogic device, DeviceScreen screen, int port, Duration keepalive,
            SecureRandom random) throws IOException {
        return start(device, screen, port, keepalive, random, false);
    }

    /**
     * As {@link #start(DeviceLogic, DeviceScreen, int, Duration, SecureRandom)}; with
     * {@code hidTiming} each direction carries one report per 1 ms interval, as a full-speed USB
     * HID endpoint does ({@code run --hid-timing}).
     */
    public static UdpDeviceServer start(DeviceLogic device, DeviceScreen screen, int port, Duration keepalive,
            SecureRandom random, boolean hidTiming) throws IOException {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(screen, "screen");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (keepalive.isNegative() || keepalive.isZero()) {
            throw new IllegalArgumentException("the keep-alive interval must be positive");
        }
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        socket.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
        UdpDeviceServer server = new UdpDeviceServer(socket, device, screen, keepalive, random, hidTiming);
        server.receiver.start();
        long period = Math.max(1, keepalive.toMillis() / 2);
        server.ticker.scheduleAtFixedRate(server::keepalive, period, period, TimeUnit.MILLISECONDS);
        return server;
    }

    /** The UDP port bound. */
    public int port() {
        return socket.getLocalPort();
    }

    /** Reports taken from hosts so far (datagrams of another size are not reports). */
    public long reportsReceived() {
        return inbound.reports();
    }

    /** Reports sent to hosts so far. */
    public long reportsSent() {
        return out.reports();
    }

    /** The address hosts send to. */
    public InetSocketAddress address() {
        return new InetSocketAddress(socket.getLocalAddress(), socket.getLocalPort());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Exchange current = pending;
        if (current != null) {
            current.abandon();
        }
        socket.close();
        ticker.shutdownNow();
        worker.shutdown();
        try {
            receiver.join(TimeUnit.SECONDS.toMillis(2));
            if (!worker.awaitTermination(2, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void receiveLoop() {
        byte[] buffer = new byte[HidFraming.REPORT_SIZE + 1];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                expireHalfMessage();
                continue;
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("receive failed: {}", e.getClass().getSimpleName());
                }
                continue;
            }
            if (packet.getLength() != HidFraming.REPORT_SIZE) {
                continue;
            }
            byte[] report = Arrays.copyOf(buffer, HidFraming.REPORT_SIZE);
            Arrays.fill(buffer, (byte) 0);
            inbound.pass();
            try {
                onReport(report, packet.getSocketAddress());
            } catch (RuntimeException e) {
                LOG.error("failed to handle a report: {}", e.getClass().getName());
            } finally {
                Arrays.fill(report, (byte) 0);
            }
        }
    }

    private void onReport(byte[] report, SocketAddress from) {
        int channel = Channels.of(report);
        if (channel != HidFraming.BROADCAST_CHANNEL && channel != HidFraming.RESERVED_CHANNEL
                && !channels.isBoundTo(channel, from)) {
            sendError(channel, FrameError.INVALID_CHANNEL, from);
            return;
        }
        if (channel != HidFraming.BROADCAST_CHANNEL && channel != HidFraming.RESERVED_CHANNEL
                && report[HidFraming.COMMAND_OFFSET] != (byte) FrameCommand.INIT.code()) {
            channels.touch(channel);
        }
        Optional<Frame> frame;
        try {
            frame = reassembler.accept(report);
        } catch (FramingException e) {
            e.channel().ifPresent(offending -> sendError(offending, e.error(), from));
            return;
        }
        if (reassembler.isBusy()) {
            reassemblyPeer = from;
        }
        frame.ifPresent(complete -> dispatch(complete, from));
    }

    private void dispatch(Frame frame, SocketAddress from) {
        int channel = frame.channel();
        boolean broadcast = channel == HidFraming.BROADCAST_CHANNEL;
        switch (frame.command()) {
            case INIT -> onInit(frame, from);
            case PING -> {
                if (broadcast) {
                    sendError(channel, FrameError.INVALID_CHANNEL, from);
                } else {
                    out.send(Frame.ping(channel, frame.payload()), from);
                }
            }
            case MSG -> {
                if (broadcast) {
                    sendError(channel, FrameError.INVALID_CHANNEL, from);
                } else {
                    onMessage(frame, from);
                }
            }
            case CANCEL -> {
                Exchange current = pending;
                if (current != null && current.channel() == channel) {
                    current.cancel();
                }
            }
            case KEEPALIVE, ERROR -> sendError(channel, FrameError.INVALID_COMMAND, from);
        }
    }

    private void onInit(Frame frame, SocketAddress from) {
        InitRequest request;
        try {
            request = InitRequest.from(frame);
        } catch (FramingException e) {
            sendError(frame.channel(), e.error(), from);
            return;
        }
        int channel = frame.channel();
        if (channel == HidFraming.BROADCAST_CHANNEL) {
            channel = channels.allocate(from);
            if (channel == lastRequestChannel) {
                // A channel allocated anew starts its message ids afresh; a resynchronised one
                // keeps them (§4.1), so late copies of its earlier requests are still dropped.
                lastRequestChannel = 0;
                lastMessageId = 0;
            }
        } else {
            abandonPendingOn(channel);
        }
        InitReply reply = InitReply.answering(request, channel, FirmwareVersion.MAJOR, FirmwareVersion.MINOR,
                FirmwareVersion.BUILD, MessageParts.CAPABILITY | MessageIds.CAPABILITY);
        out.send(reply.toFrame(frame.channel()), from);
    }

    /**
     * A resynchronised channel's request ends without another report, and the device takes the
     * host's next request at once: the worker runs it once the abandoned one has wound down.
     */
    private void abandonPendingOn(int channel) {
        synchronized (out.lock()) {
            Exchange current = pending;
            if (current != null && current.channel() == channel) {
                current.abandon();
                pending = null;
            }
        }
    }

    private void onMessage(Frame frame, SocketAddress from) {
        byte[] payload = frame.payload();
        Request request;
        int messageId = 0;
        try {
            request = Messages.parseRequest(payload);
            messageId = request.getMessageId();
        } catch (MessageException e) {
            request = null;
            messageId = Messages.messageIdOf(payload);
        } finally {
            // A MSG may carry a JSON file's password.
            Arrays.fill(payload, (byte) 0);
        }
        Exchange current = pending;
        if (current != null && current.channel() == frame.channel() && request != null && request.hasCancel()) {
            current.cancel();
            return;
        }
        if (repeatsATakenRequest(frame.channel(), messageId)) {
            // A datagram delivered twice or late (§4.1): answering it BUSY would end the host's call, running
            // it again would show its prompt again.
            LOG.debug("dropped a repeated request, message id {} on channel {}", messageId,
                    Integer.toHexString(frame.channel()));
            return;
        }
        if (current != null) {
            sendError(frame.channel(), FrameError.CHANNEL_BUSY, from);
            return;
        }
        if (request == null) {
            Response refusal = Response.newBuilder().setFailure(Failure.newBuilder()
                    .setCode(Failure.Code.INVALID_REQUEST).setMessage("not a Request this device knows"))
                    .setMessageId(messageId).build();
            out.send(Frame.message(frame.channel(), encode(refusal)), from);
            return;
        }
        if (request.hasCancel()) {
            return;
        }
        Exchange exchange = new Exchange(frame.channel(), from, device.newCancelSignal(), messageId);
        lastRequestChannel = frame.channel();
        lastMessageId = messageId;
        pending = exchange;
        Request accepted = request;
        worker.execute(() -> run(exchange, accepted));
    }

    /**
     * Whether a request with an id (§4.1) is not newer than the last one taken on its channel: the
     * host numbers its requests upwards, so such a request is a repeated or late datagram.
     */
    private boolean repeatsATakenRequest(int channel, int messageId) {
        return messageId != 0 && lastMessageId != 0 && channel == lastRequestChannel
                && messageId - lastMessageId <= 0;
    }

    private void run(Exchange exchange, Request request) {
        Response response;
        try {
            response = device.handle(request, interim -> reply(exchange, interim), exchange.signal());
        } catch (RuntimeException e) {
            LOG.error("the device failed on {}: {}", Redaction.describe(request), e.getClass().getName());
            response = Response.newBuilder().setFailure(Failure.newBuilder()
                    .setCode(Failure.Code.FIRMWARE_ERROR).setMessage("internal error")).build();
        }
        synchronized (out.lock()) {
            // Cleared before the final reply leaves, so a host that answers it at once is not BUSY.
            if (pending == exchange) {
                pending = null;
            }
            reply(exchange, response);
        }
    }

    private void reply(Exchange exchange, Response response) {
        synchronized (out.lock()) {
            if (exchange.abandoned() || closed) {
                return;
            }
            Response stamped = exchange.messageId() == 0 ? response
                    : response.toBuilder().setMessageId(exchange.messageId()).build();
            out.send(Frame.message(exchange.channel(), encode(stamped)), exchange.peer());
            exchange.sent();
        }
    }

    private void keepalive() {
        synchronized (out.lock()) {
            Exchange current = pending;
            if (current == null || current.abandoned() || closed
                    || System.nanoTime() - current.lastSentNanos() < keepaliveNanos) {
                return;
            }
            KeepaliveStatus status = screen.current().input() == InputKind.NONE
                    ? KeepaliveStatus.PROCESSING : KeepaliveStatus.WAITING_FOR_USER;
            out.send(Frame.keepalive(current.channel(), status), current.peer());
            current.sent();
        }
    }

    /** An ERROR frame on the offending channel; channel 0 cannot carry one, so a report there is dropped. */
    private void sendError(int channel, FrameError error, SocketAddress to) {
        if (channel != HidFraming.RESERVED_CHANNEL) {
            out.send(Frame.error(channel, error), to);
        }
    }

    /** A channel with an exchange pending or a message half-received. */
    private boolean isBusy(int channel) {
        Exchange current = pending;
        return (current != null && current.channel() == channel)
                || reassembler.pendingChannel().orElse(HidFraming.RESERVED_CHANNEL) == channel;
    }

    private void expireHalfMessage() {
        try {
            reassembler.expire();
        } catch (FramingException e) {
            SocketAddress peer = reassemblyPeer;
            if (peer != null) {
                e.channel().ifPresent(channel -> sendError(channel, e.error(), peer));
            }
        }
    }

    private static byte[] encode(Response response) {
        try {
            return Messages.encode(response);
        } catch (MessageException e) {
            LOG.error("a {} reply does not fit a frame", Redaction.describe(response));
            try {
                return Messages.encode(Response.newBuilder().setFailure(Failure.newBuilder()
                        .setCode(Failure.Code.FIRMWARE_ERROR).setMessage("the reply is too large")).build());
            } catch (MessageException impossible) {
                throw new IllegalStateException("a short Failure always fits", impossible);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
