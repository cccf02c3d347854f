package dev.hwbridge.testkit.device;

import dev.hwbridge.protocol.client.ReportPort;
import dev.hwbridge.protocol.framing.Channels;
import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.FrameError;
import dev.hwbridge.protocol.framing.FramingException;
import dev.hwbridge.protocol.framing.HidFraming;
import dev.hwbridge.protocol.framing.InitReply;
import dev.hwbridge.protocol.framing.InitRequest;
import dev.hwbridge.protocol.framing.KeepaliveStatus;
import dev.hwbridge.protocol.framing.Reassembler;
import dev.hwbridge.protocol.framing.ReportWriter;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.MessageException;
import dev.hwbridge.protocol.message.MessageIds;
import dev.hwbridge.protocol.message.Messages;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake device, scripted like OkHttp's MockWebServer: {@link #enqueue} what it does with the
 * next request, hand it to the code under test, then {@link #takeRequest} / {@link #takeFrame}
 * what it received. It is plugged in {@linkplain #start() through an in-memory pipe}
 * ({@link #hostPort()}) or {@linkplain #udp(int) on a loopback UDP port} (one report per
 * datagram, answers to the address a report came from, as PROTOCOL.md §1 says).
 *
 * <p>It keeps the protocol's device rules that a host relies on: INIT answered at any time with
 * a fresh random channel (seeded, so runs repeat), PING echoed on a known channel, MSG on an
 * unknown channel refused with INVALID_CHANNEL, a second MSG during an exchange refused with
 * CHANNEL_BUSY, framing errors answered with ERROR, a CANCEL ignored when no exchange is pending.
 * A request with nothing scripted gets {@code Failure{INVALID_REQUEST}}. How it misbehaves is
 * data in a {@link Script} ({@link DeviceFault}). One thread reads, another runs the scripts;
 * frames are never interleaved.
 */
public final class ScriptedDevice implements AutoCloseable {

    public static final int MAJOR = 0;
    public static final int MINOR = 1;
    public static final int BUILD = 0;

    /** What the device does with the next INIT. */
    public enum InitBehaviour {
        /** Allocates a channel and answers. */
        ANSWER,
        /** First answers with another nonce (as if for another host), then answers properly. */
        FOREIGN_NONCE_FIRST,
        /** Does not answer. */
        SILENT
    }

    /** One MSG the device received, parsed. */
    public record RecordedRequest(int channel, Request request) {
    }

    private final DeviceLink link;
    private final Random random = new Random(2847);
    /** A reassembler per host: UDP hosts probe from one socket and talk from another. */
    private final Map<Object, Reassembler> reassemblers = new ConcurrentHashMap<>();
    /** Which host each channel was given to, for its replies. */
    private final Map<Integer, Object> hosts = new ConcurrentHashMap<>();
    private final Set<Integer> channels = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Script> scripts = new LinkedBlockingQueue<>();
    private final BlockingQueue<InitBehaviour> initBehaviours = new LinkedBlockingQueue<>();
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> cancels = new LinkedBlockingQueue<>();
    private final AtomicInteger exchangeChannel = new AtomicInteger(HidFraming.RESERVED_CHANNEL);
    private final AtomicBoolean scriptRunning = new AtomicBoolean();
    private final AtomicInteger inits = new AtomicInteger();
    private final CountDownLatch unplugged = new CountDownLatch(1);
    private final ExecutorService runner = Executors.newSingleThreadExecutor(daemon("scripted-device-runner"));
    private final Thread reader;
    private volatile int lastChannel;
    private volatile Object exchangeHost;
    private volatile Object lastPingFrom;
    private volatile boolean running = true;
    private volatile boolean messageIds;
    private volatile int exchangeMessageId;

    private ScriptedDevice(DeviceLink link) {
        this.link = link;
        reader = daemon("scripted-device-reader").newThread(this::readLoop);
        reader.start();
    }

    /** A device on an in-memory pipe: the host's end is {@link #hostPort()}. */
    public static ScriptedDevice start() {
        return new ScriptedDevice(new DeviceLink.Pipe(new MemoryPipe()));
    }

    /** A device on a free UDP port of 127.0.0.1. */
    public static ScriptedDevice udp() throws IOException {
        return udp(0);
    }

    /** A device on UDP {@code port} of 127.0.0.1 (to restart one where it was). */
    public static ScriptedDevice udp(int port) throws IOException {
        return new ScriptedDevice(DeviceLink.Udp.bind(port));
    }

    /**
     * Announces message ids (capability 0x04, PROTOCOL.md §4.1) in INIT replies from now on and
     * copies each request's {@code message_id} into the replies of its exchange, unless a script
     * step's Response names an id of its own (a stale copy, for tests).
     */
    public ScriptedDevice withMessageIds() {
        messageIds = true;
        return this;
    }

    /** The host's end of the pipe; only a device {@link #start() on a pipe} has one. */
    public ReportPort hostPort() {
        return link.hostPort();
    }

    /** Where a UDP device listens; only a device {@link #udp() on UDP} has one. */
    public InetSocketAddress address() {
        return link.address();
    }

    public int port() {
        return address().getPort();
    }

    /** What to do with the next MSG request. */
    public void enqueue(Script script) {
        scripts.add(script);
    }

    /** What to do with the next INIT (otherwise: {@link InitBehaviour#ANSWER}). */
    public void enqueueInit(InitBehaviour behaviour) {
        initBehaviours.add(behaviour);
    }

    /** The next frame the device received, of any command, in order; null if none came in time. */
    public Frame takeFrame(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The next MSG request the device received; null if none came in time. */
    public RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
        return requests.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** How many INIT frames the device has received. */
    public int initCount() {
        return inits.get();
    }

    /** The channel the device allocated last. */
    public int lastChannel() {
        return lastChannel;
    }

    /** Where the last PING came from (for UDP, the socket of an open channel). */
    public Optional<SocketAddress> lastPingFrom() {
        return Optional.ofNullable(lastPingFrom).filter(SocketAddress.class::isInstance).map(SocketAddress.class::cast);
    }

    /** Sends {@code bytes} as one datagram to {@code host}, unchecked (e.g. one that is not a report). */
    public void sendDatagram(SocketAddress host, byte[] bytes) throws IOException {
        link.send(host, bytes);
    }

    /** Forgets every allocated channel, as a device that restarted. */
    public void forgetChannels() {
        channels.clear();
    }

    /** Waits until no script is running (its last frame sent). */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (scriptRunning.get()) {
            if (System.nanoTime() - end > 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Unplugs the device: a pipe fails at both ends from now on; a UDP device frees its port. */
    public void unplug() {
        link.close();
        unplugged.countDown();
    }

    @Override
    public void close() {
        running = false;
        unplug();
        runner.shutdownNow();
        try {
            reader.join(Duration.ofSeconds(2).toMillis());
            runner.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- used by Script steps, on the runner thread ----

    /**
     * Sends a Response on the exchange's channel. A final one ends the exchange first, so that the
     * host, free to send its next request the moment it reads this, never finds the device busy.
     */
    void reply(int channel, Response response) throws IOException {
        if (Messages.isFinal(response)) {
            exchangeChannel.compareAndSet(channel, HidFraming.RESERVED_CHANNEL);
        }
        int id = exchangeMessageId;
        Response stamped = messageIds && response.getMessageId() == 0 && id != 0
                ? response.toBuilder().setMessageId(id).build() : response;
        send(Frame.message(channel, Script.encode(stamped)));
    }

    /** Sends an ERROR that ends the exchange. */
    void refuseExchange(int channel, FrameError error) throws IOException {
        exchangeChannel.compareAndSet(channel, HidFraming.RESERVED_CHANNEL);
        send(Frame.error(channel, error));
    }

    /** Sends one frame to the host of its channel (else of the exchange), its reports together. */
    void send(Frame frame) throws IOException {
        send(hostOf(frame.channel()), frame);
    }

    void sendReport(byte[] report) throws IOException {
        synchronized (link) {
            link.send(exchangeHost, report);
        }
    }

    private void send(Object host, Frame frame) throws IOException {
        synchronized (link) {
            for (byte[] report : ReportWriter.write(frame)) {
                link.send(host, report);
            }
        }
    }

    private Object hostOf(int channel) {
        Object host = hosts.get(channel);
        return host != null ? host : exchangeHost;
    }

    /** True once a CANCEL for {@code channel} arrived; KEEPALIVE 02 meanwhile; false after {@code limit}. */
    boolean awaitCancel(int channel, Duration limit) throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() - end < 0) {
            Integer cancelled = cancels.poll(Script.KEEPALIVE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            if (cancelled != null && cancelled == channel) {
                return true;
            }
            send(Frame.keepalive(channel, KeepaliveStatus.WAITING_FOR_USER));
        }
        return false;
    }

    boolean perform(DeviceFault fault, int channel) throws IOException, InterruptedException {
        switch (fault) {
            case NO_RESPONSE -> {
                unplugged.await();
                return false;
            }
            case DISCONNECT_MID_MESSAGE -> {
                // 57 + 59 + a little: a Success of three reports.
                List<byte[]> reports = ReportWriter.write(Frame.message(channel,
                        Script.encode(Responses.success("x".repeat(120)))));
                sendReport(reports.get(0));
                unplug();
                return false;
            }
            case DISCONNECT -> {
                unplug();
                return false;
            }
            case WRONG_CHANNEL -> {
                int other = channel ^ 0x00FF00FF;
                send(Frame.message(other, Script.encode(Responses.success("for another host"))));
                send(Frame.keepalive(other, KeepaliveStatus.PROCESSING));
                return true;
            }
            case GARBAGE_PROTOBUF -> {
                // Field 1, length-delimited, claims 127 bytes and has none.
                send(Frame.message(channel, new byte[] {0x0A, 0x7F}));
                return true;
            }
            default -> throw new IllegalArgumentException("unknown fault " + fault);
        }
    }

    // ---- the reader thread ----

    private void readLoop() {
        try {
            while (running) {
                Optional<DeviceLink.Report> received = link.read(Duration.ofMillis(50));
                if (received.isEmpty()) {
                    expireHalfMessages();
                    continue;
                }
                Object host = received.get().host();
                Optional<Frame> frame;
                try {
                    frame = reassemblers.computeIfAbsent(host, any -> new Reassembler()).accept(received.get().bytes());
                } catch (FramingException e) {
                    refuse(host, e);
                    continue;
                }
                if (frame.isPresent()) {
                    frames.add(frame.get());
                    dispatch(host, frame.get());
                }
            }
        } catch (IOException unpluggedLink) {
            // The pipe or the socket was closed: the device is gone, and so is this thread.
            running = false;
        }
    }

    private void expireHalfMessages() throws IOException {
        for (Map.Entry<Object, Reassembler> entry : reassemblers.entrySet()) {
            try {
                entry.getValue().expire();
            } catch (FramingException e) {
                refuse(entry.getKey(), e);
            }
        }
    }

    private void refuse(Object host, FramingException e) throws IOException {
        int channel = e.channel().orElse(HidFraming.RESERVED_CHANNEL);
        if (channel != HidFraming.RESERVED_CHANNEL) {
            send(host, Frame.error(channel, e.error()));
        }
    }

    private void dispatch(Object host, Frame frame) throws IOException {
        int channel = frame.channel();
        switch (frame.command()) {
            case INIT -> answerInit(host, frame);
            case PING -> {
                lastPingFrom = host;
                send(host, channels.contains(channel) ? Frame.ping(channel, frame.payload())
                        : Frame.error(channel, FrameError.INVALID_CHANNEL));
            }
            case CANCEL -> {
                if (exchangeChannel.get() == channel) {
                    cancels.add(channel);
                }
            }
            case MSG -> startExchange(host, frame);
            default -> send(host, Frame.error(channel, FrameError.INVALID_COMMAND));
        }
    }

    private void answerInit(Object host, Frame frame) throws IOException {
        InitRequest request;
        try {
            request = InitRequest.from(frame);
        } catch (FramingException e) {
            refuse(host, e);
            return;
        }
        inits.incrementAndGet();
        InitBehaviour behaviour = Optional.ofNullable(initBehaviours.poll()).orElse(InitBehaviour.ANSWER);
        if (behaviour == InitBehaviour.SILENT) {
            return;
        }
        if (behaviour == InitBehaviour.FOREIGN_NONCE_FIRST) {
            byte[] foreign = request.nonce();
            foreign[0] ^= 0x01;
            send(host, new InitReply(foreign, Channels.allocate(random), HidFraming.PROTOCOL_VERSION, MAJOR, MINOR,
                    BUILD, 0).toFrame(frame.channel()));
        }
        int channel = frame.channel() != HidFraming.BROADCAST_CHANNEL && channels.contains(frame.channel())
                ? frame.channel() : Channels.allocate(random);
        channels.add(channel);
        hosts.put(channel, host);
        lastChannel = channel;
        send(host, InitReply.answering(request, channel, MAJOR, MINOR, BUILD,
                messageIds ? MessageIds.CAPABILITY : 0).toFrame(frame.channel()));
    }

    private void startExchange(Object host, Frame frame) throws IOException {
        int channel = frame.channel();
        if (!channels.contains(channel)) {
            send(host, Frame.error(channel, FrameError.INVALID_CHANNEL));
            return;
        }
        Request request;
        try {
            request = Messages.parseRequest(frame.payload());
        } catch (MessageException e) {
            send(host, Frame.message(channel, Script.encode(Responses.failure(Failure.Code.INVALID_REQUEST))));
            return;
        }
        if (request.hasCancel()) {
            if (exchangeChannel.get() == channel) {
                cancels.add(channel);
            }
            return;
        }
        if (!exchangeChannel.compareAndSet(HidFraming.RESERVED_CHANNEL, channel)) {
            send(host, Frame.error(channel, FrameError.CHANNEL_BUSY));
            return;
        }
        exchangeHost = host;
        exchangeMessageId = request.getMessageId();
        cancels.clear();
        scriptRunning.set(true);
        requests.add(new RecordedRequest(channel, request));
        Script script = scripts.poll();
        runner.execute(() -> runScript(script, channel));
    }

    private void runScript(Script script, int channel) {
        try {
            if (script == null) {
                reply(channel, Responses.failure(Failure.Code.INVALID_REQUEST));
                return;
            }
            for (Script.Step step : script.steps()) {
                if (!step.perform(this, channel)) {
                    return;
                }
            }
        } catch (IOException unpluggedPipe) {
            // Unplugged mid-script: nothing left to send to.
            running = false;
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } finally {
            exchangeChannel.compareAndSet(channel, HidFraming.RESERVED_CHANNEL);
            scriptRunning.set(false);
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
