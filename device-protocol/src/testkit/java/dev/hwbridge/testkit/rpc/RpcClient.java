package dev.hwbridge.testkit.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A wallet's JSON-RPC 2.0 connection to the daemon over a real WebSocket (the JDK's), for every
 * module's tests. Calls are answered by id; notifications are kept in arrival order for tests to
 * wait for. Every frame that arrives is checked: it must parse as a JSON-RPC 2.0 object, and a
 * response must carry the id of a call still waiting; anything else is recorded as a
 * {@link #violations() violation} (an interleaved or torn frame would show up there) and queued
 * for {@link #nextRaw()}, which is how tests that send hand-made frames ({@link #sendRaw}) read
 * the daemon's answers. A {@linkplain #connectRecording recording} client also keeps every text
 * it sent and received, so a test can search all of the traffic afterwards.
 */
public final class RpcClient implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** How long a call, a notification or a raw answer is waited for: generous, the machine is shared. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> notifications = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final BlockingQueue<String> unclaimed = new LinkedBlockingQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final boolean keepNotifications;
    private final boolean recording;
    // Guarded by this; filled only when recording.
    private final List<String> sent = new ArrayList<>();
    private final List<String> received = new ArrayList<>();
    private WebSocket socket;

    private RpcClient(boolean keepNotifications, boolean recording) {
        this.keepNotifications = keepNotifications;
        this.recording = recording;
    }

    /** Connects with its own HTTP client; notifications are kept. */
    public static RpcClient connect(URI uri) throws Exception {
        return connect(uri, Map.of());
    }

    /** Connects with extra handshake headers (e.g. Origin); throws if the handshake is refused. */
    public static RpcClient connect(URI uri, Map<String, String> headers) throws Exception {
        return open(HttpClient.newHttpClient(), uri, headers, new RpcClient(true, false));
    }

    /**
     * Connects through {@code http} (many connections may share one client and its selector
     * thread); {@code keepNotifications} false drops them (a load test has no use for them).
     */
    public static RpcClient connect(HttpClient http, URI uri, boolean keepNotifications) throws Exception {
        return open(http, uri, Map.of(), new RpcClient(keepNotifications, false));
    }

    /** Connects with its own HTTP client, keeping notifications and a copy of all traffic. */
    public static RpcClient connectRecording(URI uri) throws Exception {
        return open(HttpClient.newHttpClient(), uri, Map.of(), new RpcClient(true, true));
    }

    private static RpcClient open(HttpClient http, URI uri, Map<String, String> headers, RpcClient client)
            throws Exception {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(uri, client.new Listener()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    /** {@code {"k1":v1,"k2":v2,…}} from alternating names and values (String, Number, Boolean, JsonNode). */
    public static ObjectNode params(Object... namesAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if (value instanceof String text) {
                node.put(name, text);
            } else if (value instanceof Integer number) {
                node.put(name, number);
            } else if (value instanceof Long number) {
                node.put(name, number);
            } else if (value instanceof Boolean flag) {
                node.put(name, flag);
            } else if (value instanceof JsonNode json) {
                node.set(name, json);
            } else {
                throw new IllegalArgumentException("unsupported value for " + name);
            }
        }
        return node;
    }

    /** Sends a call; the future completes with the whole response object. {@code params} null: none. */
    public CompletableFuture<JsonNode> send(String method, ObjectNode params) {
        long id = ids.incrementAndGet();
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", id);
        request.put("method", method);
        if (params != null) {
            request.set("params", params);
        }
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        pending.put(id, response);
        sendText(request.toString());
        return response;
    }

    /** {@link #send(String, ObjectNode)} with the params written as JSON text, e.g. {@code "{\"session\":\"…\"}"}. */
    public CompletableFuture<JsonNode> send(String method, String paramsJson) {
        return send(method, paramsJson == null ? null : parseObject(paramsJson));
    }

    /** Calls and returns the result, failing the test on an error. */
    public JsonNode call(String method, ObjectNode params) throws Exception {
        return result(send(method, params));
    }

    public JsonNode call(String method, String paramsJson) throws Exception {
        return result(send(method, paramsJson));
    }

    /** Calls and returns the error ({code, message, data}), failing the test on a result. */
    public JsonNode error(String method, ObjectNode params) throws Exception {
        return error(send(method, params));
    }

    public JsonNode error(String method, String paramsJson) throws Exception {
        return error(send(method, paramsJson));
    }

    public static JsonNode result(CompletableFuture<JsonNode> response) throws Exception {
        JsonNode whole = response.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(whole.has("error")).as("no error, got %s", whole.get("error")).isFalse();
        return whole.get("result");
    }

    public static JsonNode error(CompletableFuture<JsonNode> response) throws Exception {
        JsonNode whole = response.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(whole.has("error")).as("an error, got %s", whole.get("result")).isTrue();
        return whole.get("error");
    }

    /** {@code data.name} of an error, e.g. "BUSY". */
    public static String errorName(JsonNode error) {
        JsonNode data = error.get("data");
        return data != null && data.has("name") ? data.get("name").asText() : "code " + error.get("code");
    }

    /** Sends one text frame as it is (any JSON, or none), for tests of what the daemon does with it. */
    public void sendRaw(String frame) {
        sendText(frame);
    }

    /** The next frame that answered no call of this client (a reply to {@link #sendRaw}), parsed; fails after {@link #WAIT}. */
    public JsonNode nextRaw() throws InterruptedException {
        String text = unclaimed.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(text).as("a frame within %s", WAIT).isNotNull();
        return parse(text);
    }

    /** {@link #sendRaw} then {@link #nextRaw}. */
    public JsonNode callRaw(String frame) throws InterruptedException {
        sendRaw(frame);
        return nextRaw();
    }

    /** Frames no call claimed, not taken by {@link #nextRaw} yet. */
    public BlockingQueue<String> unclaimed() {
        return unclaimed;
    }

    /** Waits for the first notification of {@code method} matching {@code filter}, and removes it. */
    public JsonNode awaitNotification(String method, Predicate<JsonNode> filter, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
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
                assertThat(left).as("notification %s within %s; got %s", method, timeout, notifications).isPositive();
                notifications.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    public JsonNode awaitNotification(String method, Predicate<JsonNode> filter) throws InterruptedException {
        return awaitNotification(method, filter, WAIT);
    }

    public JsonNode awaitNotification(String method) throws InterruptedException {
        return awaitNotification(method, params -> true, WAIT);
    }

    /** Every notification of {@code method} received so far, removed. */
    public List<JsonNode> drain(String method) {
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

    /** Every text sent, in order (recording clients only). */
    public synchronized List<String> sent() {
        return List.copyOf(sent);
    }

    /**
     * Every text frame received, as each fragment came and as each whole message, and the close
     * frame, in order (recording clients only).
     */
    public synchronized List<String> received() {
        return List.copyOf(received);
    }

    /** Frames that were not JSON-RPC 2.0 objects, or responses no waiting call asked for. */
    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /** Calls sent and not answered yet. */
    public int pendingCalls() {
        return pending.size();
    }

    /** Drops the TCP connection without a close handshake, as a crashed or killed wallet would. */
    public void abort() {
        socket.abort();
    }

    /** The close code the daemon sent once it closed the connection; -1 if the connection broke instead. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    /** A close handshake; a daemon that does not answer it in time gets the connection dropped. */
    @Override
    public void close() throws InterruptedException {
        if (closed.isDone() || socket.isOutputClosed()) {
            return;
        }
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
            closed.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException noHandshake) {
            socket.abort();
        }
    }

    private void sendText(String text) {
        synchronized (this) {
            if (recording) {
                sent.add(text);
            }
            // The JDK WebSocket refuses a send while the previous one is still being written.
            socket.sendText(text, true).join();
        }
    }

    private static ObjectNode parseObject(String json) {
        JsonNode node = parse(json);
        if (!node.isObject()) {
            throw new IllegalArgumentException("params must be a JSON object: " + json);
        }
        return (ObjectNode) node;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void unexpected(String what, String text) {
        synchronized (violations) {
            violations.add(what + ": " + (text.length() <= 300 ? text : text.substring(0, 300) + "…"));
        }
        unclaimed.add(text);
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            String whole = null;
            if (last) {
                whole = partial.toString();
                partial.setLength(0);
            }
            if (recording) {
                record(data.toString(), whole);
            }
            if (whole != null) {
                deliver(whole);
            }
            webSocket.request(1);
            return null;
        }

        private void record(String fragment, String whole) {
            synchronized (RpcClient.this) {
                received.add(fragment);
                if (whole != null && !whole.equals(fragment)) {
                    received.add(whole);
                }
            }
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            synchronized (violations) {
                violations.add("a binary frame of " + data.remaining() + " bytes");
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (recording) {
                synchronized (RpcClient.this) {
                    received.add("close " + statusCode + " " + reason);
                }
            }
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
            pending.values().forEach(response -> response.completeExceptionally(error));
        }

        private void deliver(String text) {
            JsonNode message;
            try {
                message = JSON.readTree(text);
            } catch (IOException e) {
                unexpected("not JSON", text);
                return;
            }
            if (message == null || !message.isObject() || !"2.0".equals(message.path("jsonrpc").asText())) {
                unexpected("not a JSON-RPC 2.0 object", text);
                return;
            }
            if (message.has("id")) {
                JsonNode id = message.get("id");
                CompletableFuture<JsonNode> response = id.canConvertToLong() ? pending.remove(id.asLong()) : null;
                if (response == null || !(message.has("result") ^ message.has("error"))) {
                    unexpected("a response to no waiting call", text);
                    return;
                }
                response.complete(message);
                return;
            }
            if (!message.has("method")) {
                unexpected("neither a response nor a notification", text);
                return;
            }
            if (keepNotifications) {
                synchronized (notifications) {
                    notifications.add(message);
                    notifications.notifyAll();
                }
            }
        }
    }
}
