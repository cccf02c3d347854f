package dev.hwbridge.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A JSON-RPC 2.0 client over a real WebSocket (the JDK's), as a wallet app would be: calls,
 * each answered by id, and notifications kept in arrival order for tests to wait for.
 */
final class WsClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> notifications = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private WebSocket socket;

    static WsClient connect(URI uri) throws Exception {
        WsClient client = new WsClient();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, client.new Listener())
                .get(10, TimeUnit.SECONDS);
        return client;
    }

    /** Sends a call; the future completes with the whole response object. */
    CompletableFuture<JsonNode> send(String method, String paramsJson) {
        long id = ids.incrementAndGet();
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", id);
        request.put("method", method);
        try {
            if (paramsJson != null) {
                request.set("params", JSON.readTree(paramsJson));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        pending.put(id, response);
        synchronized (this) {
            socket.sendText(request.toString(), true).join();
        }
        return response;
    }

    /** Calls and returns the result, failing the test on an error. */
    JsonNode call(String method, String paramsJson) throws Exception {
        return result(send(method, paramsJson));
    }

    /** Calls and returns the error object ({code, message, data?}), failing the test on a result. */
    JsonNode error(String method, String paramsJson) throws Exception {
        return error(send(method, paramsJson));
    }

    static JsonNode result(CompletableFuture<JsonNode> response) throws Exception {
        JsonNode whole = response.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(whole.has("error")).as("no error, got %s", whole.get("error")).isFalse();
        return whole.get("result");
    }

    static JsonNode error(CompletableFuture<JsonNode> response) throws Exception {
        JsonNode whole = response.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(whole.has("error")).as("an error, got %s", whole.get("result")).isTrue();
        return whole.get("error");
    }

    /** Waits for the first notification of {@code method} matching {@code filter}, and removes it. */
    JsonNode awaitNotification(String method, Predicate<JsonNode> filter) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (notifications) {
            while (true) {
                for (Iterator<JsonNode> it = notifications.iterator(); it.hasNext(); ) {
                    JsonNode next = it.next();
                    if (next.get("method").asText().equals(method) && filter.test(next.get("params"))) {
                        it.remove();
                        return next.get("params");
                    }
                }
                long left = deadline - System.nanoTime();
                assertThat(left).as("notification %s within %s; got %s", method, WAIT, notifications).isPositive();
                notifications.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    JsonNode awaitNotification(String method) throws InterruptedException {
        return awaitNotification(method, params -> true);
    }

    /** Every notification of {@code method} received so far, removed. */
    List<JsonNode> drain(String method) {
        List<JsonNode> found = new ArrayList<>();
        synchronized (notifications) {
            for (Iterator<JsonNode> it = notifications.iterator(); it.hasNext(); ) {
                JsonNode next = it.next();
                if (next.get("method").asText().equals(method)) {
                    found.add(next.get("params"));
                    it.remove();
                }
            }
        }
        return found;
    }

    @Override
    public void close() throws Exception {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            closed.get(5, TimeUnit.SECONDS);
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                deliver(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(null);
            pending.values().forEach(response -> response.completeExceptionally(error));
        }

        private void deliver(String text) {
            JsonNode message;
            try {
                message = JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (message.has("id") && !message.get("id").isNull()) {
                CompletableFuture<JsonNode> response = pending.remove(message.get("id").asLong());
                if (response != null) {
                    response.complete(message);
                }
                return;
            }
            synchronized (notifications) {
                notifications.add(message);
                notifications.notifyAll();
            }
        }
    }
}
