package dev.hwbridge.daemon.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.daemon.rpc.MethodRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guard in the real pipeline: what each Host and Origin gets, before any WebSocket exists. */
class LoopbackGuardHandlerTest {

    private static final int PORT = EmbeddedConnection.PORT;
    private EmbeddedConnection connection;

    @AfterEach
    void release() {
        connection.close();
    }

    private String handshake(String host, String origin) {
        connection = new EmbeddedConnection(new MethodRegistry(), ConnectionLimits.DEFAULT,
                List.of("https://wallet.example"));
        StringBuilder request = new StringBuilder("GET / HTTP/1.1\r\n");
        if (host != null) {
            request.append("Host: ").append(host).append("\r\n");
        }
        if (origin != null) {
            request.append("Origin: ").append(origin).append("\r\n");
        }
        request.append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        return connection.http(request.toString());
    }

    @ParameterizedTest(name = "Host {0}, Origin {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // An empty cell leaves the header out. Loopback names with our port, no Origin: an app or script.
        "127.0.0.1:" + PORT + " |                               | 101",
        "localhost:" + PORT + " |                               | 101",
        "LOCALHOST:" + PORT + " |                               | 101",
        "[::1]:" + PORT + "     |                               | 101",
        // DNS rebinding: the page's own name, even with our port.
        "evil.example:" + PORT + " |                            | 403",
        "127.0.0.1.nip.io:" + PORT + " |                        | 403",
        // Another port is another service.
        "127.0.0.1:8080         |                               | 403",
        "localhost              |                               | 403",
        "                       |                               | 403",
        // Our own pages, and the configured extra origin.
        "127.0.0.1:" + PORT + " | http://127.0.0.1:" + PORT + " | 101",
        "localhost:" + PORT + " | http://localhost:" + PORT + "  | 101",
        "localhost:" + PORT + " | https://wallet.example        | 101",
        "localhost:" + PORT + " | HTTPS://Wallet.Example        | 101",
        // Anyone else, including look-alikes and the opaque origin.
        "localhost:" + PORT + " | https://evil.example          | 403",
        "localhost:" + PORT + " | https://wallet.example.evil   | 403",
        "localhost:" + PORT + " | http://wallet.example         | 403",
        "localhost:" + PORT + " | https://wallet.example:8443   | 403",
        "localhost:" + PORT + " | http://127.0.0.1:8080         | 403",
        "localhost:" + PORT + " | https://127.0.0.1:" + PORT + " | 403",
        "localhost:" + PORT + " | null                          | 403",
        "localhost:" + PORT + " | file://                       | 403",
    })
    void handshakeIsAllowedOnlyForLoopbackHostAndAllowedOrigin(String host, String origin, int status) {
        String response = handshake(host, origin);

        assertThat(response).startsWith("HTTP/1.1 " + status);
        assertThat(connection.channel.isActive()).isEqualTo(status == 101);
    }

    @ParameterizedTest
    @CsvSource({"/health", "/", "/index.html"})
    void plainRequestsAreGuardedToo(String path) {
        connection = new EmbeddedConnection(new MethodRegistry());

        String response = connection.http("GET " + path + " HTTP/1.1\r\nHost: evil.example:" + PORT + "\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 403").contains("forbidden");
    }

    @Test
    void twoHostHeadersAreRefused() {
        connection = new EmbeddedConnection(new MethodRegistry());

        String response = connection.http("GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + PORT
                + "\r\nHost: evil.example\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 403");
    }

    @Test
    void malformedRequestIsABadRequest() {
        connection = new EmbeddedConnection(new MethodRegistry());

        String response = connection.http("GET /" + "a".repeat(DaemonChannelInitializer.MAX_INITIAL_LINE_BYTES)
                + " HTTP/1.1\r\nHost: 127.0.0.1:" + PORT + "\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(connection.channel.isActive()).isFalse();
    }
}
