package dev.hwbridge.daemon.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.rpc.MethodRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /health, the static files hook and non-WebSocket paths, through the real pipeline. */
class HttpHandlersTest {

    private static final String HOST = "Host: 127.0.0.1:" + EmbeddedConnection.PORT + "\r\n";
    private final EmbeddedConnection connection = new EmbeddedConnection(new MethodRegistry(),
            ConnectionLimits.DEFAULT, List.of("https://wallet.example"));

    @AfterEach
    void release() {
        connection.close();
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void healthReportsStatusVersionAndDevices() throws Exception {
        String response = connection.http("GET /health HTTP/1.1\r\n" + HOST + "\r\n");

        assertThat(response).startsWith("HTTP/1.1 200").containsIgnoringCase("content-type: application/json");
        JsonNode health = EmbeddedConnection.JSON.readTree(body(response));
        assertThat(health).isEqualTo(EmbeddedConnection.JSON.readTree(
                "{\"status\":\"ok\",\"version\":\"9.9.9\",\"devices\":2}"));
        assertThat(connection.channel.isActive()).as("keep-alive").isTrue();
    }

    @Test
    void healthMayBeReadByAnAllowedOrigin() {
        String response = connection.http("GET /health?x=1 HTTP/1.1\r\n" + HOST + "Origin: https://wallet.example\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 200")
                .containsIgnoringCase("access-control-allow-origin: https://wallet.example");
    }

    @Test
    void healthRefusesOtherMethods() {
        assertThat(connection.http("POST /health HTTP/1.1\r\n" + HOST + "Content-Length: 0\r\n\r\n"))
                .startsWith("HTTP/1.1 405");
    }

    @Test
    void pathWithoutAFileIsNotFound() {
        assertThat(connection.http("GET /no-such-page.html HTTP/1.1\r\n" + HOST + "\r\n")).startsWith("HTTP/1.1 404");
    }

    @Test
    void webSocketHandshakeOnAnotherPathIsNotFound() {
        String response = connection.http(EmbeddedConnection.HANDSHAKE.replace("GET / ", "GET /ws "));

        assertThat(response).startsWith("HTTP/1.1 404");
    }

    @Test
    void requestBodyOverTheLimitIsRefused() {
        String response = connection.http("POST /health HTTP/1.1\r\n" + HOST + "Content-Length: "
                + (DaemonChannelInitializer.MAX_HTTP_BODY_BYTES + 1) + "\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 413");
    }

    @Test
    void connectionThatNeverUpgradesIsClosedAtTheDeadline() {
        connection.http("GET /health HTTP/1.1\r\n" + HOST + "\r\n");

        // The embedded clock also counts real time, so the margins are wide enough for a loaded machine.
        long deadline = DaemonChannelInitializer.HANDSHAKE_DEADLINE.toMillis();
        connection.channel.advanceTimeBy(deadline / 2, TimeUnit.MILLISECONDS);
        connection.channel.runScheduledPendingTasks();
        assertThat(connection.channel.isActive()).isTrue();
        connection.channel.advanceTimeBy(deadline, TimeUnit.MILLISECONDS);
        connection.channel.runScheduledPendingTasks();
        assertThat(connection.channel.isActive()).isFalse();
    }

    @Test
    void upgradedConnectionOutlivesTheDeadline() {
        connection.upgrade();

        connection.channel.advanceTimeBy(DaemonChannelInitializer.HANDSHAKE_DEADLINE.toMillis() * 3,
                TimeUnit.MILLISECONDS);
        connection.channel.runScheduledPendingTasks();

        assertThat(connection.channel.isActive()).isTrue();
    }
}
