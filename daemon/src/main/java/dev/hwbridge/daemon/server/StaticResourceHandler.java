package dev.hwbridge.daemon.server;

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
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every plain HTTP request that is not the WebSocket handshake at {@code /}: serves a file from
 * the classpath folder {@code root} ({@code /web/} in the daemon; {@code /} means
 * {@code index.html}) when there is one, else 404. This is how the daemon serves its wallet page
 * (daemon/src/main/resources/web). Stateless and shared.
 */
@ChannelHandler.Sharable
final class StaticResourceHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    /** Our own files are small; this bounds what one request can make us read. */
    static final int MAX_FILE_BYTES = 4 << 20;

    /** Plain file names in plain folders: no "..", no hidden files, an extension we know. */
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8",
            "wasm", "application/wasm");

    private static final Logger LOG = LoggerFactory.getLogger(StaticResourceHandler.class);

    private final ClassLoader loader;
    private final String root;

    /**
     * @param root a classpath folder without slashes around it, e.g. {@code "web"}
     */
    StaticResourceHandler(ClassLoader loader, String root) {
        super(false);
        this.loader = Objects.requireNonNull(loader, "loader");
        this.root = Objects.requireNonNull(root, "root");
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (isWebSocketHandshake(request)) {
            ctx.fireChannelRead(request);
            return;
        }
        try {
            if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method())) {
                HttpResponses.text(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET\n");
                return;
            }
            String path = new QueryStringDecoder(request.uri()).path();
            if (path.equals("/")) {
                path = "/index.html";
            }
            String type = SAFE_PATH.matcher(path).matches() ? TYPES.get(extension(path)) : null;
            byte[] body = type == null ? null : read(root + path);
            if (body == null) {
                HttpResponses.text(ctx, request, HttpResponseStatus.NOT_FOUND, "not found\n");
                return;
            }
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    HttpMethod.HEAD.equals(request.method()) ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, type)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                    .set("X-Content-Type-Options", "nosniff")
                    // The wallet page must never be framed by another site (clickjacking).
                    .set("X-Frame-Options", "DENY")
                    .set("Content-Security-Policy", "frame-ancestors 'none'");
            HttpResponses.send(ctx, request, response);
        } finally {
            request.release();
        }
    }

    /** The upgrade request WebSocketServerProtocolHandler takes: exactly {@code /}, asking for websocket. */
    static boolean isWebSocketHandshake(FullHttpRequest request) {
        return "/".equals(request.uri())
                && HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE));
    }

    private byte[] read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                LOG.warn("not serving {}: larger than {} bytes", resource, MAX_FILE_BYTES);
                return null;
            }
            return bytes;
        } catch (IOException e) {
            // A folder on some class paths, or an unreadable jar entry: not a file we serve.
            return null;
        }
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
