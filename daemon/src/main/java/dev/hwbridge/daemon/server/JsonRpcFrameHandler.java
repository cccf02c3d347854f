package dev.hwbridge.daemon.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.loop.SpinAfterHandOff;
import dev.hwbridge.daemon.rpc.CallScope;
import dev.hwbridge.daemon.rpc.JsonRpcDispatcher;
import dev.hwbridge.daemon.rpc.RpcClient;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC end of one WebSocket connection: hands each text message to the dispatcher and
 * writes its reply, closes the connection on binary messages (1003), oversized messages (1009),
 * a large message while another is being received (1013), a message that does not arrive in
 * time and sustained call floods (1008), stops reading while its client does not read its
 * replies and drops it when too many are queued, and is the connection as methods see it
 * ({@link RpcClient}). At the handshake it puts the {@link InboundMessageGuard} before the frame
 * decoder. Refusals go to the {@link RefusalLog}.
 * When the connection closes, its running calls are interrupted and then its
 * {@link #onClose(Runnable) close actions} run on a worker thread. One per connection.
 */
final class JsonRpcFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> implements RpcClient {

    /** Fired down every pipeline when the daemon stops: the handler says goodbye with 1001. */
    static final Object DAEMON_STOPPING = new Object() {
        @Override
        public String toString() {
            return "DAEMON_STOPPING";
        }
    };

    /** How long the peer has to answer our close frame before the socket is closed anyway. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcFrameHandler.class);

    /** Handlers that serve plain HTTP only, dropped once the connection is a WebSocket. */
    private static final List<Class<? extends ChannelHandler>> HTTP_ONLY = List.of(
            HandshakeDeadlineHandler.class, LoopbackGuardHandler.class, HealthHandler.class,
            StaticResourceHandler.class);

    private final String id;
    private final JsonRpcDispatcher dispatcher;
    private final ConnectionRateLimiter limiter;
    private final int maxCallsInFlight;
    private final Executor closeActionRunner;
    private final InboundMessageGuard guard;
    private final RefusalLog refusals;
    private final long maxQueuedBytes;
    private long refusedCallsLogged;
    private long refusedBusyLogged;
    /** The handshake's Origin as the refusal log names it. */
    private volatile String loggedOrigin = RefusalLog.NO_ORIGIN;
    private final List<Runnable> closeActions = new ArrayList<>();
    private boolean closeActionsStarted;

    private volatile ChannelHandlerContext ctx;
    private volatile boolean upgraded;
    private volatile boolean closing;
    /** The handshake's Origin header, normalised; null for a client that sent none. */
    private volatile String origin;
    private CallScope scope;

    /**
     * @param id                the connection's id for methods and logs, e.g. {@code c7}
     * @param closeActionRunner runs the close actions (the worker pool)
     * @param guard             watches the frames' bytes once the connection is a WebSocket
     * @param maxQueuedBytes    replies queued for the client beyond which the connection is dropped
     */
    JsonRpcFrameHandler(String id, JsonRpcDispatcher dispatcher, ConnectionRateLimiter limiter,
                        int maxCallsInFlight, Executor closeActionRunner, InboundMessageGuard guard,
                        RefusalLog refusals, long maxQueuedBytes) {
        this.id = Objects.requireNonNull(id, "id");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.maxCallsInFlight = maxCallsInFlight;
        this.closeActionRunner = Objects.requireNonNull(closeActionRunner, "closeActionRunner");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.refusals = Objects.requireNonNull(refusals, "refusals");
        this.maxQueuedBytes = maxQueuedBytes;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.scope = new CallScope(limiter, ctx.executor(), maxCallsInFlight);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
            origin = originOf(handshake.requestHeaders().get(HttpHeaderNames.ORIGIN));
            ChannelPipeline pipeline = ctx.pipeline();
            for (Class<? extends ChannelHandler> handler : HTTP_ONLY) {
                if (pipeline.get(handler) != null) {
                    pipeline.remove(handler);
                }
            }
            loggedOrigin = RefusalLog.origin(handshake.requestHeaders().get(HttpHeaderNames.ORIGIN));
            // Before the decoder, which buffers a frame whole: the guard meters it from its header.
            ChannelHandlerContext decoder = pipeline.context(WebSocketFrameDecoder.class);
            pipeline.addBefore(decoder.name(), "message-guard", guard);
            upgraded = true;
            LOG.debug("connection {} open from {}", id, ctx.channel().remoteAddress());
        } else if (event instanceof InboundMessageGuard.Refusal refusal) {
            refusals.refused(loggedOrigin, refusal.reason() + " (closed " + refusal.status().code() + ")");
            closeWith(refusal.status(), refusal.reason());
            return;
        } else if (event == DAEMON_STOPPING) {
            closeWith(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "the daemon is stopping");
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (closing) {
            return;
        }
        if (!(frame instanceof TextWebSocketFrame text)) {
            // Ping, pong, close and continuations never get here: the protocol handler and the
            // aggregator take them. What is left is binary.
            closeWith(WebSocketCloseStatus.INVALID_MESSAGE_TYPE, "text frames only");
            return;
        }
        CompletableFuture<String> answer = dispatcher.dispatch(text.text(), this, scope);
        if (!answer.isDone()) {
            // The call waits for its device or a worker: stay awake for the answer.
            SpinAfterHandOff.handedOff(System.nanoTime());
        }
        answer.whenComplete((reply, failure) -> {
            if (failure != null) {
                LOG.warn("connection {}: a reply could not be built", id, failure);
            } else if (reply != null) {
                send(reply);
            }
        });
        countRefusedCalls();
        if (limiter.abusive()) {
            refusals.refused(loggedOrigin, "kept sending calls faster than allowed (closed 1008)");
            LOG.debug("closing connection {}: it kept sending calls faster than allowed", id);
            closeWith(WebSocketCloseStatus.POLICY_VIOLATION, "too many calls per second");
        }
    }

    /** Hands the calls refused RATE_LIMITED since the last message to the refusal log. */
    private void countRefusedCalls() {
        long refused = limiter.refused();
        refusals.refused(loggedOrigin, "calls faster than allowed (RATE_LIMITED)", refused - refusedCallsLogged);
        refusedCallsLogged = refused;
        long busy = scope.refusedBusy();
        refusals.refused(loggedOrigin, "too many calls in progress (RATE_LIMITED)", busy - refusedBusyLogged);
        refusedBusyLogged = busy;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            // From the aggregator: the fragments of one message add up to more than the limit.
            closeWith(WebSocketCloseStatus.MESSAGE_TOO_BIG, InboundMessageGuard.TOO_BIG_REASON);
        } else if (cause instanceof CorruptedFrameException || cause instanceof IOException) {
            // The frame decoder has already sent its close frame; or the peer vanished.
            LOG.debug("connection {}: {}", id, cause.toString());
            ctx.close();
        } else {
            LOG.warn("connection {} failed", id, cause);
            ctx.close();
        }
    }

    /**
     * A client that does not read its replies: stop reading its calls until it has caught up, so
     * that it cannot make the daemon queue replies without end.
     */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (!closing) {
            ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closing = true;
        scope.close();
        runCloseActions();
        if (upgraded) {
            LOG.debug("connection {} closed", id);
        }
        super.channelInactive(ctx);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void notify(String method, JsonNode params) {
        if (isOpen()) {
            send(dispatcher.notification(method, params));
        }
    }

    @Override
    public void onClose(Runnable action) {
        Objects.requireNonNull(action, "action");
        synchronized (closeActions) {
            if (!closeActionsStarted) {
                closeActions.add(action);
                return;
            }
        }
        runSafely(action);
    }

    @Override
    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }

    /** The guard has let this Origin in, so it is well-formed; null stays null. */
    private static String originOf(String header) {
        return header == null ? null : AccessPolicy.normalizeOrigin(header);
    }

    @Override
    public boolean isOpen() {
        ChannelHandlerContext context = ctx;
        return upgraded && !closing && context != null && context.channel().isActive();
    }

    @Override
    public String toString() {
        return "connection " + id;
    }

    private void send(String text) {
        ChannelHandlerContext context = ctx;
        if (context == null || !context.channel().isActive()) {
            return;
        }
        // Calls in flight and notifications still add replies after reading stopped: this bounds them.
        ChannelOutboundBuffer queue = context.channel().unsafe().outboundBuffer();
        long queued = queue == null ? 0 : queue.totalPendingWriteBytes();
        if (queued > maxQueuedBytes) {
            refusals.refused(loggedOrigin, "did not read its replies (closed)");
            LOG.debug("connection {}: {} bytes of replies unread, closing", id, queued);
            // No close frame: it would wait behind everything already queued.
            closing = true;
            context.close();
            return;
        }
        context.writeAndFlush(new TextWebSocketFrame(text));
    }

    /** Starts the closing handshake; the socket closes when the peer answers or after the grace. */
    private void closeWith(WebSocketCloseStatus status, String reason) {
        ChannelHandlerContext context = ctx;
        if (closing || context == null) {
            return;
        }
        closing = true;
        scope.close();
        context.writeAndFlush(new CloseWebSocketFrame(status.code(), reason));
        // The peer's answering close frame normally closes the socket; this is for peers that never answer.
        Runnable forceClose = context::close;
        context.executor().schedule(forceClose, CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runCloseActions() {
        List<Runnable> actions;
        synchronized (closeActions) {
            if (closeActionsStarted) {
                return;
            }
            closeActionsStarted = true;
            actions = List.copyOf(closeActions);
            closeActions.clear();
        }
        if (actions.isEmpty()) {
            return;
        }
        // Off the event loop: releasing a session may talk to a device.
        try {
            closeActionRunner.execute(() -> actions.forEach(this::runSafely));
        } catch (RejectedExecutionException e) {
            actions.forEach(this::runSafely);
        }
    }

    private void runSafely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("connection {}: a close action failed", id, e);
        }
    }
}
