package dev.hwbridge.daemon.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guard asks the {@link OriginGate} about an Origin the policy refused, and only then. */
class OriginGateGuardTest {

    private static final int PORT = 21335;
    private static final String FIREFOX = "moz-extension://5b0e2a4c-0f8e-4b5a-9d59-2a1c3f6d7e80";

    private final List<String> asked = new ArrayList<>();

    /** Whether the request reached the handler after the guard. */
    private boolean passes(String host, String origin, boolean gateSays) {
        OriginGate gate = candidate -> {
            asked.add(candidate);
            return gateSays;
        };
        List<Object> passed = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(),
                new LoopbackGuardHandler(AccessPolicy.forPort(PORT, InetAddress.getLoopbackAddress(), List.of()),
                        new RefusalLog(() -> 0, line -> { }), gate),
                new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        if (msg instanceof HttpRequest) {
                            passed.add(msg);
                        }
                        ReferenceCountUtil.release(msg);
                    }
                });
        String request = "GET /health HTTP/1.1\r\nHost: " + host + "\r\nOrigin: " + origin + "\r\n\r\n";
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.US_ASCII));
        for (Object out; (out = channel.readOutbound()) != null; ) {
            if (out instanceof ByteBuf buf) {
                buf.release();
            } else {
                ReferenceCountUtil.release(out);
            }
        }
        channel.finishAndReleaseAll();
        return !passed.isEmpty();
    }

    @Test
    void anOriginTheGateAdmitsPasses() {
        assertThat(passes("127.0.0.1:" + PORT, "MOZ-EXTENSION://5b0e2a4c-0f8e-4b5a-9d59-2a1c3f6d7e80", true)).isTrue();
        assertThat(asked).containsExactly(FIREFOX);
    }

    @Test
    void anOriginTheGateRefusesIsRefused() {
        assertThat(passes("127.0.0.1:" + PORT, FIREFOX, false)).isFalse();
    }

    @Test
    void theGateIsNotAskedAboutAnAllowedOriginNorWhenHostIsWrong() {
        assertThat(passes("127.0.0.1:" + PORT, "http://127.0.0.1:" + PORT, false)).isTrue();
        assertThat(passes("evil.example:" + PORT, FIREFOX, true)).isFalse();
        assertThat(passes("127.0.0.1:" + PORT, "null", true)).isFalse();

        assertThat(asked).isEmpty();
    }
}
