package dev.hwbridge.daemon.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Sits before the WebSocket frame decoder, so it sees the bytes before any frame is buffered:
 * meters each data frame from its header ({@link MessageMeter}) and gives a message (or any frame)
 * that has started a deadline to arrive whole. A refusal stops reading, drops whatever follows,
 * and fires a {@link Refusal} up the pipeline for {@link JsonRpcFrameHandler} to close the
 * connection with. Added by that handler once the handshake is done. One per connection.
 */
final class InboundMessageGuard extends ChannelInboundHandlerAdapter implements FrameScanner.Listener {

    /** Why the connection must be closed, and with what status. */
    record Refusal(WebSocketCloseStatus status, String reason) {
    }

    static final String DEADLINE_REASON = "a message must arrive whole within its deadline";
    static final String BUSY_REASON = "another large message is being received; try again later";
    static final String FULL_REASON = "the daemon is receiving too many messages at once; try again later";
    static final String TOO_BIG_REASON = "the message is over the size limit";

    private final MessageMeter.Reading reading;
    private final Duration deadline;
    private final FrameScanner scanner = new FrameScanner();
    private ChannelHandlerContext ctx;
    private boolean messageOpen;
    private boolean refused;
    private ScheduledFuture<?> timer;

    InboundMessageGuard(MessageMeter meter, Duration deadline) {
        this.reading = meter.newReading();
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf bytes)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (!refused) {
            scanner.scan(bytes, this);
        }
        if (refused) {
            // The frames of this read before the refused one are dropped too: the connection is closing.
            ReferenceCountUtil.release(bytes);
            return;
        }
        watchDeadline();
        ctx.fireChannelRead(bytes);
    }

    @Override
    public boolean header(boolean fin, int opcode, long payloadBytes) {
        if (opcode >= FrameScanner.FIRST_CONTROL_OPCODE) {
            // At most 125 bytes (the decoder enforces it); they may come between a message's frames.
            return true;
        }
        MessageMeter.Verdict verdict = reading.frame(opcode != FrameScanner.OPCODE_CONTINUATION, payloadBytes);
        switch (verdict) {
            case GO -> {
                messageOpen = true;
                return true;
            }
            case LARGE_BUSY -> refuse(WebSocketCloseStatus.TRY_AGAIN_LATER, BUSY_REASON);
            case BUDGET_SPENT -> refuse(WebSocketCloseStatus.TRY_AGAIN_LATER, FULL_REASON);
            case TOO_BIG -> refuse(WebSocketCloseStatus.MESSAGE_TOO_BIG, TOO_BIG_REASON);
            default -> throw new IllegalStateException(verdict.toString());
        }
        return false;
    }

    @Override
    public void frameEnded(boolean fin, int opcode) {
        if (fin && opcode < FrameScanner.FIRST_CONTROL_OPCODE) {
            reading.messageEnded();
            messageOpen = false;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stop();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    /** Arms the deadline when a message or frame has started, disarms it when none is under way. */
    private void watchDeadline() {
        boolean underWay = messageOpen || scanner.midFrame();
        if (underWay && timer == null) {
            timer = ctx.executor().schedule(this::deadlinePassed, deadline.toNanos(), TimeUnit.NANOSECONDS);
        } else if (!underWay && timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void deadlinePassed() {
        timer = null;
        if (!refused && (messageOpen || scanner.midFrame())) {
            refuse(WebSocketCloseStatus.POLICY_VIOLATION, DEADLINE_REASON);
        }
    }

    private void refuse(WebSocketCloseStatus status, String reason) {
        refused = true;
        stop();
        // Nothing more is read: what the peer still sends stays in the kernel until the socket closes.
        ctx.channel().config().setAutoRead(false);
        ctx.fireUserEventTriggered(new Refusal(status, reason));
    }

    private void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        reading.close();
    }
}
