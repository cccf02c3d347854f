package dev.hwbridge.simulator.automation;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.hwbridge.simulator.screen.DeviceScreen;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every request (Host, Origin) and sends it to its resource. Logs method, path and status,
 * never a body: an {@code /input} body is a seed word, a PIN or a password.
 */
final class Router implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final DeviceScreen screen;
    private final LoopbackGuard guard;
    private final EventStream events;
    private final IndexPage page;

    Router(DeviceScreen screen, LoopbackGuard guard, EventStream events, IndexPage page) {
        this.screen = screen;
        this.guard = guard;
        this.events = events;
        this.page = page;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        try {
            Headers headers = exchange.getRequestHeaders();
            if (!guard.hostAllowed(headers.get("Host"))) {
                throw new ApiException(ApiError.FORBIDDEN, "Host must be 127.0.0.1, localhost or [::1] with this port");
            }
            if (!guard.originAllowed(headers.get("Origin"))) {
                throw new ApiException(ApiError.FORBIDDEN, "requests from other origins are refused");
            }
            route(exchange, method, path);
        } catch (ApiException e) {
            reply(exchange, method, path, e);
        } catch (IOException e) {
            // The client went away mid-exchange; nothing to answer.
            LOG.trace("{} {}: connection closed ({})", method, path, e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            // A defect. Only the type is logged: a message could quote a request body.
            LOG.warn("{} {} failed with {}", method, path, e.getClass().getName());
            reply(exchange, method, path, new ApiException(ApiError.INTERNAL, "internal error"));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String method, String path) throws IOException {
        switch (path) {
            case "/":
                requireMethod(method, "GET");
                exchange.getResponseHeaders().set("Content-Security-Policy", page.contentSecurityPolicy());
                exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
                send(exchange, method, path, 200, "text/html; charset=utf-8", page.html());
                break;
            case "/screen":
                requireMethod(method, "GET");
                send(exchange, method, path, 200, "application/json", Bodies.screen(screen.current()));
                break;
            case "/button":
                requireMethod(method, "POST");
                answer(exchange, method, path, screen.press(Bodies.button(body(exchange))),
                        "the device is not waiting for a button");
                break;
            case "/input":
                requireMethod(method, "POST");
                answer(exchange, method, path, screen.type(Bodies.input(body(exchange))),
                        "the device is not waiting for typed input");
                break;
            case "/events":
                requireMethod(method, "GET");
                LOG.trace("{} {}: stream opened", method, path);
                events.serve(exchange);
                LOG.trace("{} {}: stream ended", method, path);
                break;
            default:
                throw new ApiException(ApiError.NOT_FOUND, "no such resource");
        }
    }

    private static void answer(HttpExchange exchange, String method, String path, boolean accepted, String refusal)
            throws IOException {
        if (!accepted) {
            throw new ApiException(ApiError.NOT_WAITING, refusal);
        }
        send(exchange, method, path, 200, "application/json", Bodies.ok());
    }

    /** The request body, refused unless JSON and at most {@link AutomationServer#MAX_BODY_BYTES}. */
    private static byte[] body(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.trim().toLowerCase(Locale.ROOT).matches("application/json\\s*(;.*)?")) {
            // Also a CSRF defence: a cross-site page can send text/plain without asking, not JSON.
            throw new ApiException(ApiError.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
        }
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declaredLength(declared) > AutomationServer.MAX_BODY_BYTES) {
            throw new ApiException(ApiError.PAYLOAD_TOO_LARGE, "body too large");
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(AutomationServer.MAX_BODY_BYTES + 1);
            if (body.length > AutomationServer.MAX_BODY_BYTES) {
                throw new ApiException(ApiError.PAYLOAD_TOO_LARGE, "body too large");
            }
            return body;
        }
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(ApiError.BAD_REQUEST, "bad Content-Length");
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw new ApiException(ApiError.METHOD_NOT_ALLOWED, "use " + allowed);
        }
    }

    private static void reply(HttpExchange exchange, String method, String path, ApiException e) {
        if (e.error() == ApiError.METHOD_NOT_ALLOWED) {
            exchange.getResponseHeaders().set("Allow", path.equals("/button") || path.equals("/input") ? "POST" : "GET");
        }
        try {
            send(exchange, method, path, e.error().status(), "application/json", Bodies.error(e.error(), e.getMessage()));
        } catch (IOException gone) {
            LOG.trace("{} {}: connection closed before the error answer ({})", method, path,
                    gone.getClass().getSimpleName());
        }
    }

    private static void send(HttpExchange exchange, String method, String path, int status, String type, byte[] body)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        LOG.trace("{} {} -> {}", method, path, status);
    }
}
