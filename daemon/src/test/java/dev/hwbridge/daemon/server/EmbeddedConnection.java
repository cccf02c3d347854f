package dev.hwbridge.daemon.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.daemon.rpc.JsonRpcDispatcher;
import dev.hwbridge.daemon.rpc.MethodRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One daemon connection in memory: the production pipeline on an EmbeddedChannel, calls run
 * inline, a test clock for the rate limiter, and a client-side frame codec to speak bytes to it.
 */
final class EmbeddedConnection {

    static final int PORT = 21335;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String HANDSHAKE = "GET / HTTP/1.1\r\n"
            + "Host: 127.0.0.1:" + PORT + "\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "\r\n";

    final EmbeddedChannel channel = new EmbeddedChannel();
    final DaemonChannelInitializer initializer;
    final AtomicLong nanoClock;
    private final EmbeddedChannel clientEncoder = new EmbeddedChannel(new WebSocket13FrameEncoder(true));
    private final EmbeddedChannel clientDecoder = new EmbeddedChannel(new WebSocket13FrameDecoder(false, true, 64 << 20));

    EmbeddedConnection(MethodRegistry methods, ConnectionLimits limits, List<String> extraOrigins) {
        this(new AtomicLong(1_000_000_000L), methods, limits, extraOrigins);
    }

    private EmbeddedConnection(AtomicLong nanoClock, MethodRegistry methods, ConnectionLimits limits,
                               List<String> extraOrigins) {
        this(initializer(methods, limits, extraOrigins, ServerCaps.DEFAULT, new RefusalLog(() -> 0, line -> { }),
                nanoClock), nanoClock);
    }

    /** Another connection to the daemon {@code initializer} builds pipelines for (shared caps and meter). */
    EmbeddedConnection(DaemonChannelInitializer initializer) {
        this(initializer, new AtomicLong());
    }

    private EmbeddedConnection(DaemonChannelInitializer initializer, AtomicLong nanoClock) {
        this.initializer = initializer;
        this.nanoClock = nanoClock;
        initializer.configure(channel.pipeline(), PORT);
    }

    /** A daemon's pipeline builder; {@code nanoClock} drives the rate limiter. */
    static DaemonChannelInitializer initializer(MethodRegistry methods, ConnectionLimits limits,
                                                List<String> extraOrigins, ServerCaps caps, RefusalLog refusals,
                                                AtomicLong nanoClock) {
        ServerSettings settings = new ServerSettings(InetAddress.getLoopbackAddress(), PORT, extraOrigins, limits, caps);
        HealthSource health = new HealthSource() {
            @Override
            public String version() {
                return "9.9.9";
            }

            @Override
            public OptionalInt deviceCount() {
                return OptionalInt.of(2);
            }
        };
        return new DaemonChannelInitializer(settings, new JsonRpcDispatcher(methods, Runnable::run), health,
                Runnable::run, new DefaultChannelGroup(GlobalEventExecutor.INSTANCE), nanoClock::get, refusals);
    }

    EmbeddedConnection(MethodRegistry methods) {
        this(methods, ConnectionLimits.DEFAULT, List.of());
    }

    /** Sends raw HTTP bytes and returns what the server wrote back, as text. */
    String http(String request) {
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
        return drainOutboundText();
    }

    /** Performs the WebSocket handshake and checks it succeeded. */
    EmbeddedConnection upgrade() {
        String response = http(HANDSHAKE);
        assertThat(response).startsWith("HTTP/1.1 101");
        return this;
    }

    void send(WebSocketFrame frame) {
        clientEncoder.writeOutbound(frame);
        ByteBuf bytes;
        while ((bytes = clientEncoder.readOutbound()) != null) {
            channel.writeInbound(bytes);
        }
    }

    /** The bytes a client would send for {@code frame} (masked), not sent. */
    byte[] encode(WebSocketFrame frame) {
        clientEncoder.writeOutbound(frame);
        ByteBuf all = Unpooled.buffer();
        ByteBuf bytes;
        while ((bytes = clientEncoder.readOutbound()) != null) {
            all.writeBytes(bytes);
            bytes.release();
        }
        byte[] array = new byte[all.readableBytes()];
        all.readBytes(array);
        all.release();
        return array;
    }

    /** Raw bytes as they would arrive from the socket. */
    void sendBytes(byte[] bytes, int from, int to) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, from, to - from));
    }

    void sendText(String text) {
        send(new TextWebSocketFrame(text));
    }

    /** Every frame the server has written since the last call. */
    List<WebSocketFrame> receive() {
        ByteBuf bytes;
        while ((bytes = channel.readOutbound()) != null) {
            clientDecoder.writeInbound(bytes);
        }
        List<WebSocketFrame> frames = new ArrayList<>();
        WebSocketFrame frame;
        while ((frame = clientDecoder.readInbound()) != null) {
            frames.add(frame);
        }
        return frames;
    }

    /** The text frames received, parsed; fails on any other frame. */
    List<JsonNode> receiveJson() {
        List<JsonNode> messages = new ArrayList<>();
        for (WebSocketFrame frame : receive()) {
            try {
                assertThat(frame).isInstanceOf(TextWebSocketFrame.class);
                messages.add(JSON.readTree(((TextWebSocketFrame) frame).text()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                ReferenceCountUtil.release(frame);
            }
        }
        return messages;
    }

    /** The one frame received, which must be a close frame; returns its status code. */
    int receiveCloseStatus() {
        List<WebSocketFrame> frames = receive();
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0)).isInstanceOf(CloseWebSocketFrame.class);
        int status = ((CloseWebSocketFrame) frames.get(0)).statusCode();
        frames.forEach(ReferenceCountUtil::release);
        return status;
    }

    private String drainOutboundText() {
        StringBuilder text = new StringBuilder();
        Object out;
        while ((out = channel.readOutbound()) != null) {
            ByteBuf buf = (ByteBuf) out;
            text.append(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }
        return text.toString();
    }

    void close() {
        channel.finishAndReleaseAll();
        clientEncoder.finishAndReleaseAll();
        clientDecoder.finishAndReleaseAll();
    }
}
