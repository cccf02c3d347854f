package dev.hwbridge.daemon.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticResourceHandlerTest {

    /** Test resources under static-test/: index.html and app.js. */
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new StaticResourceHandler(StaticResourceHandlerTest.class.getClassLoader(), "static-test"));

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
    }

    private FullHttpResponse get(String uri) {
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri));
        return channel.readOutbound();
    }

    @Test
    void rootServesIndexHtmlThatCannotBeFramed() {
        FullHttpResponse response = get("/");

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/html; charset=utf-8");
        assertThat(response.headers().get("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.content().toString(StandardCharsets.UTF_8)).contains("hwbridge test page");
        response.release();
    }

    @Test
    void fileIsServedWithItsType() {
        FullHttpResponse response = get("/app.js?v=2");

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).startsWith("text/javascript");
        response.release();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/missing.html", "/../static-test/index.html", "/%2e%2e/dev/hwbridge/x.txt",
        "/.hidden.txt", "/app.exe", "/static-test", "//index.html", "/a\\b.txt"})
    void anythingElseIsNotFound(String uri) {
        FullHttpResponse response = get(uri);

        assertThat(response.status().code()).isEqualTo(404);
        response.release();
    }

    @Test
    void webSocketHandshakeAtRootPassesOn() {
        FullHttpRequest handshake = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        handshake.headers().set(HttpHeaderNames.UPGRADE, "WebSocket");

        channel.writeInbound(handshake);

        assertThat(channel.outboundMessages()).isEmpty();
        FullHttpRequest passed = channel.readInbound();
        assertThat(passed).isSameAs(handshake);
        passed.release();
    }
}
