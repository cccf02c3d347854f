package dev.hwbridge.daemon.server;

import dev.hwbridge.daemon.rpc.JsonRpcDispatcher;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The pipeline of every connection, in the order bytes meet it: the handshake deadline, HTTP,
 * the Host/Origin guard, aggregation of the (tiny) request, /health, static files, the cap on
 * WebSockets, the WebSocket handshake and frames, message aggregation, JSON-RPC. Once upgraded, the
 * {@link InboundMessageGuard} goes before the frame decoder. The HTTP limits are constants here;
 * those on connections and messages are {@link ServerCaps}, shared by every connection with the
 * {@link MessageMeter} and the {@link RefusalLog}.
 */
final class DaemonChannelInitializer extends ChannelInitializer<SocketChannel> {

    static final String WEBSOCKET_PATH = "/";
    /** A connection must have upgraded to a WebSocket this long after it opened. */
    static final Duration HANDSHAKE_DEADLINE = Duration.ofSeconds(10);
    static final int MAX_INITIAL_LINE_BYTES = 4096;
    static final int MAX_HEADER_BYTES = 8192;
    /** Our requests (handshake, /health, files) have no body; this refuses anything bigger (413). */
    static final int MAX_HTTP_BODY_BYTES = 8192;
    static final String WEB_ROOT = "web";

    private final ServerSettings settings;
    private final JsonRpcDispatcher dispatcher;
    private final HealthHandler health;
    private final StaticResourceHandler files;
    private final Executor workers;
    private final ChannelGroup channels;
    private final AtomicLong connectionIds = new AtomicLong();
    private final LongSupplier nanoClock;
    private final ServerCaps caps;
    private final MessageMeter meter;
    private final RefusalLog refusals;
    private final WebSocketCap webSockets;
    private final OriginGate gate;
    private volatile AccessPolicy policy;

    DaemonChannelInitializer(ServerSettings settings, JsonRpcDispatcher dispatcher, HealthSource healthSource,
                             Executor workers, ChannelGroup channels, LongSupplier nanoClock, RefusalLog refusals) {
        this(settings, dispatcher, healthSource, workers, channels, nanoClock, refusals, OriginGate.NONE);
    }

    DaemonChannelInitializer(ServerSettings settings, JsonRpcDispatcher dispatcher, HealthSource healthSource,
                             Executor workers, ChannelGroup channels, LongSupplier nanoClock, RefusalLog refusals,
                             OriginGate gate) {
        this.gate = gate;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.health = new HealthHandler(healthSource);
        this.files = new StaticResourceHandler(DaemonChannelInitializer.class.getClassLoader(), WEB_ROOT);
        this.workers = workers;
        this.channels = channels;
        this.nanoClock = nanoClock;
        this.caps = settings.caps();
        this.meter = new MessageMeter(caps);
        this.refusals = refusals;
        this.webSockets = new WebSocketCap(caps.maxWebSockets(), refusals);
    }

    MessageMeter meter() {
        return meter;
    }

    WebSocketCap webSockets() {
        return webSockets;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        if (channels.size() >= caps.maxSockets()) {
            // Before anything is allocated for it; its client sees the connection reset.
            refusals.refused(RefusalLog.NO_ORIGIN, "too many open connections (closed at once)");
            ch.close();
            return;
        }
        channels.add(ch);
        configure(ch.pipeline(), ch.localAddress().getPort());
    }

    /** Builds one connection's pipeline; {@code port} is the daemon's (tests use EmbeddedChannel). */
    void configure(ChannelPipeline pipeline, int port) {
        String id = "c" + connectionIds.incrementAndGet();
        ConnectionLimits limits = settings.limits();
        pipeline.channel().config().setWriteBufferWaterMark(
                new WriteBufferWaterMark(caps.stopReadingBytes() / 2, caps.stopReadingBytes()));
        pipeline.addLast(new HandshakeDeadlineHandler(HANDSHAKE_DEADLINE));
        pipeline.addLast(new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_INITIAL_LINE_BYTES)
                .setMaxHeaderSize(MAX_HEADER_BYTES)));
        pipeline.addLast(new LoopbackGuardHandler(policyFor(port), refusals, gate));
        pipeline.addLast(new HttpObjectAggregator(MAX_HTTP_BODY_BYTES));
        pipeline.addLast(health);
        pipeline.addLast(files);
        pipeline.addLast(webSockets);
        pipeline.addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(WEBSOCKET_PATH)
                .checkStartsWith(false)
                .handshakeTimeoutMillis(HANDSHAKE_DEADLINE.toMillis())
                .forceCloseTimeoutMillis(JsonRpcFrameHandler.CLOSE_GRACE.toMillis())
                // We send our own close frames with a reason; a plain close() just closes.
                .sendCloseFrame(null)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        // The guard refuses longer frames from their header; this is a backstop.
                        .maxFramePayloadLength(caps.largeMessageBytes())
                        .expectMaskedFrames(true)
                        .allowMaskMismatch(false)
                        // No permessage-deflate: nothing to gain on loopback, a zip bomb to lose.
                        .allowExtensions(false)
                        .closeOnProtocolViolation(true)
                        .withUTF8Validator(true)
                        .build())
                .build()));
        pipeline.addLast(new WebSocketFrameAggregator(caps.largeMessageBytes()));
        pipeline.addLast(new JsonRpcFrameHandler(id, dispatcher, new ConnectionRateLimiter(limits, nanoClock),
                limits.maxCallsInFlight(), workers, new InboundMessageGuard(meter, caps.messageDeadline()),
                refusals, caps.maxQueuedBytes()));
    }

    /** The policy needs the real port, known only once bound; every connection shares it. */
    private AccessPolicy policyFor(int port) {
        AccessPolicy current = policy;
        if (current == null) {
            current = AccessPolicy.forPort(port, settings.bindAddress(), settings.allowOrigins());
            policy = current;
        }
        return current;
    }
}
