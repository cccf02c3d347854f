package dev.hwbridge.security;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A wallet's JSON-RPC client over a real WebSocket that keeps a copy of every text it sent and
 * every text frame it received (each fragment as it came, and each whole message), so a test can
 * search all of the traffic afterwards. Thread-safe.
 */
final class RecordingWsClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final List<String> sent = new ArrayList<>();
    private final List<String> received = new ArrayList<>();
    private final List<JsonNode> notifications = new ArrayList<>();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private WebSocket socket;

    static RecordingWsClient connect(URI uri) throws Exception {
        RecordingWsClient client = new RecordingWsClient();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, client.new Listener())
                .get(20, TimeUnit.SECONDS);
        return client;
    }

    /** Sends a call with {@code params} (an object node); the future completes with the whole response. */
    CompletableFuture<JsonNode> send(String method, ObjectNode params) {
        long id = ids.incrementAndGet();
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", id);
        request.put("method", method);
        request.set("params", params);
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        pending.put(id, response);
        String text = request.toString();
        synchronized (this) {
            sent.add(text);
            socket.sendText(text, true).join();
        }
        return response;
    }

    /** Calls and returns the result, failing the test on an error. */
    JsonNode call(String method, ObjectNode params) throws Exception {
        return result(send(method, params));
    }

    static JsonNode result(CompletableFuture<JsonNode> response) throws Exception {
        JsonNode whole = response.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(whole.has("error")).as("no error, got %s", whole.get("error")).isFalse();
        return whole.get("result");
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** Every text sent, in order. */
    synchronized List<String> sent() {
        return List.copyOf(sent);
    }

    /** Every text frame received, as fragments and as whole messages, in order. */
    synchronized List<String> received() {
        return List.copyOf(received);
    }

    synchronized List<JsonNode> notifications() {
        return List.copyOf(notifications);
    }

    @Override
    public void close() throws Exception {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
            closed.get(10, TimeUnit.SECONDS);
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            String fragment = data.toString();
            partial.append(fragment);
            String whole = null;
            if (last) {
                whole = partial.toString();
                partial.setLength(0);
            }
            synchronized (RecordingWsClient.this) {
                received.add(fragment);
                if (whole != null && !whole.equals(fragment)) {
                    received.add(whole);
                }
            }
            if (whole != null) {
                deliver(whole);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            synchronized (RecordingWsClient.this) {
                received.add("close " + statusCode + " " + reason);
            }
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
            synchronized (RecordingWsClient.this) {
                notifications.add(message);
            }
        }
    }
}
