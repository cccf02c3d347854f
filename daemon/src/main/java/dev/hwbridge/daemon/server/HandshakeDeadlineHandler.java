package dev.hwbridge.daemon.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that has not become a WebSocket within a fixed time of opening, however
 * busily it trickles bytes (a slowloris client defeats idle timeouts, not this). Plain HTTP
 * connections (/health, the page) are closed at the same deadline. {@link JsonRpcFrameHandler}
 * removes this handler when the handshake completes. One per connection.
 */
final class HandshakeDeadlineHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeDeadlineHandler.class);

    private final Duration deadline;
    private ScheduledFuture<?> timer;

    HandshakeDeadlineHandler(Duration deadline) {
        this.deadline = deadline;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // An accepted channel is usually active already when its pipeline is built.
        if (ctx.channel().isActive()) {
            arm(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        arm(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void arm(ChannelHandlerContext ctx) {
        if (timer != null) {
            return;
        }
        timer = ctx.executor().schedule(() -> {
            LOG.debug("closing {}: no WebSocket handshake within {} ms", ctx.channel().remoteAddress(),
                    deadline.toMillis());
            ctx.close();
        }, deadline.toNanos(), TimeUnit.NANOSECONDS);
    }
}
