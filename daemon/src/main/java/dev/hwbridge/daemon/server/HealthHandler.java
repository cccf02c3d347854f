package dev.hwbridge.daemon.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@code GET /health} → {@code {"status":"ok","version":…,"devices":n}} ("devices" only once the
 * daemon tracks devices). Other requests pass on. The guard has already vetted Host and Origin,
 * so a page of an allowed origin may read it cross-origin. Stateless and shared.
 */
@ChannelHandler.Sharable
final class HealthHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final String PATH = "/health";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HealthSource source;

    HealthHandler(HealthSource source) {
        super(false);
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!PATH.equals(new QueryStringDecoder(request.uri()).path())) {
            ctx.fireChannelRead(request);
            return;
        }
        try {
            if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method())) {
                HttpResponses.text(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET\n");
                return;
            }
            byte[] body = body();
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    HttpMethod.HEAD.equals(request.method()) ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
            String origin = request.headers().get(HttpHeaderNames.ORIGIN);
            if (origin != null) {
                response.headers()
                        .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                        .set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
            }
            HttpResponses.send(ctx, request, response);
        } finally {
            request.release();
        }
    }

    private byte[] body() {
        ObjectNode health = JSON.createObjectNode();
        health.put("status", "ok");
        health.put("version", source.version());
        OptionalInt devices = source.deviceCount();
        if (devices.isPresent()) {
            health.put("devices", devices.getAsInt());
        }
        try {
            return JSON.writeValueAsBytes(health);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
