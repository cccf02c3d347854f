package dev.hwbridge.daemon.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the WebSocket connections open at once: a handshake over the cap is answered 503 and the
 * connection closed; one within it holds its place until its connection closes. Sits just before
 * the WebSocket handshake, where only handshake requests arrive. Shared by every connection;
 * thread-safe.
 */
@ChannelHandler.Sharable
final class WebSocketCap extends ChannelInboundHandlerAdapter {

    static final String REASON = "too many WebSocket connections (HTTP 503)";

    private final int max;
    private final RefusalLog refusals;
    private final AtomicInteger open = new AtomicInteger();

    WebSocketCap(int max, RefusalLog refusals) {
        this.max = max;
        this.refusals = refusals;
    }

    /** WebSocket connections holding a place now. */
    int open() {
        return open.get();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            refusals.refused(RefusalLog.origin(request.headers().get(HttpHeaderNames.ORIGIN)), REASON);
            ReferenceCountUtil.release(msg);
            HttpResponses.text(ctx, null, HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "too many connections to the daemon; try again later\n");
            return;
        }
        ctx.channel().closeFuture().addListener(closed -> open.decrementAndGet());
        // One handshake per connection: whatever comes next is not ours to count.
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(msg);
    }
}
