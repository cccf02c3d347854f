package dev.hwbridge.daemon.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hwbridge.daemon.rpc.MethodRegistry;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server on a real socket, driven by the JDK's WebSocket and HTTP clients. */
class DaemonServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HealthSource HEALTH = new HealthSource() {
        @Override
        public String version() {
            return "1.2.3";
        }

        @Override
        public OptionalInt deviceCount() {
            return OptionalInt.empty();
        }
    };

    private final MethodRegistry methods = new MethodRegistry();
    private final CountDownLatch blockStarted = new CountDownLatch(1);
    private final CountDownLatch blockInterrupted = new CountDownLatch(1);
    private final CountDownLatch clientClosed = new CountDownLatch(1);
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    DaemonServerTest() {
        methods.register("test.echo", (client, params) -> params);
        methods.register("test.busy", (client, params) -> {
            throw new RpcException(RpcError.BUSY, "the device is in use by another connection");
        });
        methods.register("test.slow", (client, params) -> {
            try {
                releaseSlow.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TextNode.valueOf("slow");
        });
        methods.register("test.block", (client, params) -> {
            client.onClose(clientClosed::countDown);
            blockStarted.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                blockInterrupted.countDown();
                throw new RpcException(RpcError.CANCELLED, "interrupted");
            }
            return NullNode.getInstance();
        });
    }

    @AfterEach
    void closeAll() throws Exception {
        releaseSlow.countDown();
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private DaemonServer start(ServerSettings settings) throws IOException {
        DaemonServer server = DaemonServer.start(settings, methods, HEALTH);
        toClose.add(server);
        return server;
    }

    private DaemonServer start() throws IOException {
        return start(ServerSettings.loopbackEphemeral());
    }

    private RpcClient connect(DaemonServer server) throws Exception {
        RpcClient client = RpcClient.connect(server.webSocketUri());
        toClose.add(client);
        return client;
    }

    private static String call(Object id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + "}";
    }

    private static int errorCode(JsonNode reply) {
        return reply.get("error").get("code").asInt();
    }

    @Test
    void listensOnLoopbackAtAnEphemeralPort() throws Exception {
        DaemonServer server = start();

        assertThat(server.port()).isPositive();
        assertThat(server.webSocketUri()).isEqualTo(URI.create("ws://127.0.0.1:" + server.port() + "/"));
        assertThat(server.localAddress().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void callGetsItsResult() throws Exception {
        RpcClient client = connect(start());

        JsonNode reply = client.callRaw(call(1, "test.echo", "{\"hello\":\"world\"}"));

        assertThat(reply).isEqualTo(JSON.readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"hello\":\"world\"}}"));
    }

    @Test
    void batchGetsOneArray() throws Exception {
        RpcClient client = connect(start());

        JsonNode reply = client.callRaw("[" + call(1, "test.echo", "{}") + "," + call("\"two\"", "test.busy", null) + "]");

        assertThat(reply.isArray()).isTrue();
        assertThat(reply.get(0).get("id").asInt()).isEqualTo(1);
        assertThat(reply.get(1).get("id").asText()).isEqualTo("two");
        assertThat(errorCode(reply.get(1))).isEqualTo(RpcError.BUSY.code());
        assertThat(reply.get(1).get("error").get("data").get("name").asText()).isEqualTo("BUSY");
    }

    @Test
    void notificationGetsNoReply() throws Exception {
        RpcClient client = connect(start());

        client.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"test.echo\",\"params\":{\"n\":1}}");
        JsonNode reply = client.callRaw(call(2, "test.echo", null));

        assertThat(reply.get("id").asInt()).as("the first message answers the second frame").isEqualTo(2);
        assertThat(client.unclaimed()).isEmpty();
    }

    @Test
    void malformedFramesGetStandardErrors() throws Exception {
        RpcClient client = connect(start());

        assertThat(errorCode(client.callRaw("{\"jsonrpc\":"))).isEqualTo(-32700);
        assertThat(errorCode(client.callRaw(call(1, "device.nothing", null)))).isEqualTo(-32601);
        assertThat(errorCode(client.callRaw(call(2, "test.echo", "[1]")))).isEqualTo(-32602);
        assertThat(errorCode(client.callRaw("{\"id\":3,\"method\":\"test.echo\"}"))).isEqualTo(-32600);
        assertThat(client.closed()).isNotDone();
    }

    @Test
    void slowCallDoesNotBlockAFastOneOnTheSameConnection() throws Exception {
        RpcClient client = connect(start());

        client.sendRaw(call(1, "test.slow", null));
        JsonNode fast = client.callRaw(call(2, "test.echo", "{}"));
        releaseSlow.countDown();
        JsonNode slow = client.nextRaw();

        assertThat(fast.get("id").asInt()).isEqualTo(2);
        assertThat(slow.get("id").asInt()).isEqualTo(1);
        assertThat(slow.get("result").asText()).isEqualTo("slow");
    }

    @Test
    void droppingTheSocketInterruptsItsRunningCallAndRunsCloseActions() throws Exception {
        RpcClient client = connect(start());
        client.sendRaw(call(1, "test.block", null));
        assertThat(blockStarted.await(10, TimeUnit.SECONDS)).isTrue();

        client.abort();

        assertThat(blockInterrupted.await(10, TimeUnit.SECONDS)).as("interrupted").isTrue();
        assertThat(clientClosed.await(10, TimeUnit.SECONDS)).as("onClose fired").isTrue();
    }

    @Test
    void frameOverTheLimitClosesTheConnectionWith1009() throws Exception {
        RpcClient client = connect(start());

        try {
            client.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.echo\",\"params\":{\"x\":\""
                    + "a".repeat(ServerCaps.DEFAULT.largeMessageBytes()) + "\"}}");
        } catch (CompletionException e) {
            // The server may close before the whole frame is written; the close code below is what counts.
        }

        assertThat(client.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1009);
    }

    @Test
    void floodIsSlowedThenRefusedThenClosedWith1008() throws Exception {
        // 20 calls/s, burst 5, up to 0.5 s of delay (10 more calls), 3 refusals, then closed.
        DaemonServer server = start(new ServerSettings(InetAddress.getLoopbackAddress(), 0, List.of(),
                new ConnectionLimits(20, 5, Duration.ofMillis(500), 3, 0, 64)));
        RpcClient client = connect(server);

        long started = System.nanoTime();
        for (int i = 1; i <= 15; i++) {
            client.sendRaw(call(i, "test.echo", "{}"));
        }
        List<JsonNode> admitted = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            admitted.add(client.nextRaw());
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(admitted).allSatisfy(r -> assertThat(r.has("result")).as(r.toString()).isTrue());
        assertThat(tookMillis).as("the last ten calls were slowed").isGreaterThanOrEqualTo(300);

        int refused = 0;
        int cancelled = 0;
        for (int i = 16; i <= 200 && !client.closed().isDone(); i++) {
            try {
                client.sendRaw(call(i, "test.echo", "{}"));
            } catch (CompletionException | IllegalStateException e) {
                break; // closed under our feet
            }
        }
        assertThat(client.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        String message;
        while ((message = client.unclaimed().poll()) != null) {
            JsonNode reply = JSON.readTree(message);
            if (reply.has("error") && errorCode(reply) == RpcError.RATE_LIMITED.code()) {
                refused++;
            } else if (reply.has("error")) {
                // Calls still waiting for their token when the connection is closed are cancelled.
                assertThat(errorCode(reply)).as(message).isEqualTo(RpcError.CANCELLED.code());
                cancelled++;
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(1);
        assertThat(refused + cancelled).isLessThan(200);
    }

    @Test
    void stoppingTheServerSaysGoingAwayToClients() throws Exception {
        DaemonServer server = start();
        RpcClient client = connect(server);
        client.callRaw(call(1, "test.echo", "{}"));

        server.close();

        assertThat(client.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1001);
    }

    @Test
    void healthAnswersJson() throws Exception {
        DaemonServer server = start();

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()))
                .isEqualTo(JSON.readTree("{\"status\":\"ok\",\"version\":\"1.2.3\"}"));
    }

    @Test
    void allowedOriginConnectsOthersAreRefused() throws Exception {
        DaemonServer server = start(new ServerSettings(InetAddress.getLoopbackAddress(), 0,
                List.of("https://wallet.example"), ConnectionLimits.DEFAULT));

        RpcClient own = RpcClient.connect(server.webSocketUri(), Map.of("Origin", "http://127.0.0.1:" + server.port()));
        toClose.add(own);
        RpcClient extra = RpcClient.connect(server.webSocketUri(), Map.of("Origin", "https://wallet.example"));
        toClose.add(extra);

        assertThat(own.callRaw(call(1, "test.echo", "{}")).has("result")).isTrue();
        assertThat(extra.callRaw(call(1, "test.echo", "{}")).has("result")).isTrue();
        assertThatThrownBy(() -> RpcClient.connect(server.webSocketUri(), Map.of("Origin", "https://evil.example")))
                .satisfies(e -> assertThat(handshakeFailure(e).getResponse().statusCode()).isEqualTo(403));
    }

    @Test
    void hostMustNameLoopbackWithTheDaemonsPort() throws Exception {
        DaemonServer server = start();
        int port = server.port();

        assertThat(rawHandshake(port, "localhost:" + port)).startsWith("HTTP/1.1 101");
        assertThat(rawHandshake(port, "127.0.0.1:" + port)).startsWith("HTTP/1.1 101");
        assertThat(rawHandshake(port, "evil.com:" + port)).startsWith("HTTP/1.1 403");
        assertThat(rawHandshake(port, "127.0.0.1:" + (port == 65535 ? 1 : port + 1))).startsWith("HTTP/1.1 403");
        assertThat(rawHandshake(port, null)).startsWith("HTTP/1.1 403");
    }

    @Test
    void secondServerOnATakenPortFailsWithIOException() throws Exception {
        DaemonServer first = start();

        assertThatThrownBy(() -> start(new ServerSettings(InetAddress.getLoopbackAddress(), first.port(), List.of(),
                ConnectionLimits.DEFAULT)))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot listen on 127.0.0.1:" + first.port());
    }

    @Test
    void closeIsIdempotentAndFreesThePort() throws Exception {
        DaemonServer server = start();
        int port = server.port();

        server.close();
        server.close();

        DaemonServer again = start(new ServerSettings(InetAddress.getLoopbackAddress(), port, List.of(),
                ConnectionLimits.DEFAULT));
        assertThat(again.port()).isEqualTo(port);
    }

    /** The status line and headers the server answers a handshake with this Host (null: none). */
    private static String rawHandshake(int port, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            String request = "GET / HTTP/1.1\r\n"
                    + (host == null ? "" : "Host: " + host + "\r\n")
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                head.append((char) b);
                if (head.indexOf("\r\n\r\n") >= 0) {
                    break;
                }
            }
            return head.toString();
        }
    }

    private static WebSocketHandshakeException handshakeFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebSocketHandshakeException handshake) {
                return handshake;
            }
        }
        throw new AssertionError("not a refused handshake", e);
    }
}
