package dev.hwbridge.daemon.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first look at every HTTP request, before the WebSocket handshake, the health check or a
 * page: refuses malformed requests (400) and those whose Host or Origin {@link AccessPolicy}
 * rejects (403), unless the {@link OriginGate} lets its Origin in, then closes the connection;
 * each refusal is counted in the {@link RefusalLog}. Sits before the aggregator, so a refused
 * request's body is never buffered. One per connection.
 */
final class LoopbackGuardHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackGuardHandler.class);
    private static final int MAX_LOGGED_HEADER = 80;

    static final String MALFORMED = "malformed HTTP request";

    private final AccessPolicy policy;
    private final RefusalLog refusals;
    private final OriginGate gate;
    private boolean refused;

    LoopbackGuardHandler(AccessPolicy policy, RefusalLog refusals) {
        this(policy, refusals, OriginGate.NONE);
    }

    LoopbackGuardHandler(AccessPolicy policy, RefusalLog refusals, OriginGate gate) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.refusals = Objects.requireNonNull(refusals, "refusals");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            // The rest of a refused request (its body) while the 4xx is on its way out.
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!(msg instanceof HttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        String origin = RefusalLog.origin(request.headers().get(HttpHeaderNames.ORIGIN));
        if (request.decoderResult().isFailure()) {
            refusals.refused(origin, MALFORMED);
            refuse(ctx, msg, request, HttpResponseStatus.BAD_REQUEST, MALFORMED);
            return;
        }
        Optional<String> refusal = policy.refusal(
                request.headers().getAll(HttpHeaderNames.HOST), request.headers().getAll(HttpHeaderNames.ORIGIN));
        if (refusal.isPresent() && admittedByGate(request)) {
            refusal = Optional.empty();
        }
        if (refusal.isPresent()) {
            // Counted, and logged once per origin and reason each interval: a page can send thousands.
            refusals.refused(origin, refusal.get());
            LOG.debug("refused a request from {}: {} (Host {})", ctx.channel().remoteAddress(), refusal.get(),
                    loggable(request.headers().get(HttpHeaderNames.HOST)));
            refuse(ctx, msg, request, HttpResponseStatus.FORBIDDEN, "forbidden: " + refusal.get());
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** Whether the gate lets in a request refused only for its (single, well-formed) Origin. */
    private boolean admittedByGate(HttpRequest request) {
        List<String> hosts = request.headers().getAll(HttpHeaderNames.HOST);
        List<String> origins = request.headers().getAll(HttpHeaderNames.ORIGIN);
        if (hosts.size() != 1 || origins.size() != 1 || !policy.hostAllowed(hosts.get(0))) {
            return false;
        }
        String origin;
        try {
            origin = AccessPolicy.normalizeOrigin(origins.get(0));
        } catch (IllegalArgumentException malformed) {
            // Refused as the policy said: a malformed Origin is nobody's to let in.
            return false;
        }
        return gate.admits(origin);
    }

    private void refuse(ChannelHandlerContext ctx, Object msg, HttpRequest request, HttpResponseStatus status,
                        String reason) {
        refused = true;
        ReferenceCountUtil.release(msg);
        HttpResponses.text(ctx, null, status, reason + "\n");
        ctx.channel().config().setAutoRead(false);
        LOG.debug("{} {} answered {}", request.method(), loggable(request.uri()), status.code());
    }

    /** A header as the client sent it, safe to log: printable ASCII, bounded. */
    static String loggable(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < value.length() && i < MAX_LOGGED_HEADER; i++) {
            char c = value.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (value.length() > MAX_LOGGED_HEADER) {
            safe.append('…');
        }
        return '"' + safe.toString() + '"';
    }
}
