package dev.hwbridge.daemon.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.daemon.app.Daemon;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DNS-rebinding and cross-origin defence (API.md, "Who may connect") against the whole daemon
 * on a real socket, as a browser or a local process would reach it.
 *
 * <p>Gap filled: the existing tests judge Host and Origin in {@code AccessPolicyTest} (the policy
 * alone), {@code LoopbackGuardHandlerTest} (an in-memory pipeline) and, on a real socket, only
 * Host evil.com / another port / none and Origin https://evil.example against a bare
 * {@code DaemonServer}. Missing were: the daemon as {@link Daemon#start} assembles it; Host
 * spellings a client library would never send (userinfo, other spellings of 127.0.0.1, IPv4 in
 * brackets, lists, a second Host of another case, HTTP/1.0 without Host); Origin "null",
 * http://localhost on another port, look-alikes built from our own origin, an empty or doubled
 * Origin; that each refused request gets its 403 and then the connection is closed; that an
 * allowed handshake really carries calls; and the same rules for /health and page paths on a
 * real socket, including a second request on a kept-alive connection and CORS headers.
 */
class HostAndOriginRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    @TempDir
    static Path dataDir;

    private static Daemon daemon;
    private static int port;

    @BeforeAll
    static void start() throws IOException {
        daemon = SecurityDaemon.start(dataDir);
        port = daemon.port();
    }

    @AfterAll
    static void stop() {
        daemon.close();
    }

    /** {@code {PORT}} and {@code {OTHER}} in a header template become our port and another. */
    private static String fill(String template) {
        if (template == null) {
            return null;
        }
        return template.replace("{PORT}", Integer.toString(port))
                .replace("{OTHER}", Integer.toString(SecurityDaemon.otherPort(port)));
    }

    private static Map<String, String> headers(String host, String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", fill(host));
        headers.put("Origin", fill(origin));
        return headers;
    }

    /** Sends {@code request}; returns the response head after checking the connection then closes. */
    private static String refusedAndClosed(String request) throws IOException {
        try (RawConnection connection = RawConnection.open(port)) {
            connection.write(request);
            String response = connection.readResponse();
            assertThat(response).as("the answer to%n%s", request).startsWith("HTTP/1.1 403");
            assertThat(connection.closedByPeerWithin(CLOSE_WAIT)).as("closed after the 403").isTrue();
            return response;
        }
    }

    static Stream<Arguments> refusedHosts() {
        return Stream.of(
                // DNS rebinding: the attacker's name now points at 127.0.0.1, with our port.
                Arguments.of("evil.example:{PORT}"),
                Arguments.of("localhost.evil.example:{PORT}"),
                // Our loopback name on another port is another service, and the reverse.
                Arguments.of("127.0.0.1:{OTHER}"),
                Arguments.of("localhost:{OTHER}"),
                Arguments.of("127.0.0.1"),
                // Userinfo and other URL debris in Host.
                Arguments.of("user@127.0.0.1:{PORT}"),
                Arguments.of("evil.example@127.0.0.1:{PORT}"),
                Arguments.of("127.0.0.1:{PORT}@evil.example"),
                Arguments.of("127.0.0.1:{PORT}/"),
                Arguments.of("127.0.0.1:{PORT}:{PORT}"),
                Arguments.of("127.0.0.1:{PORT}, evil.example"),
                Arguments.of("http://127.0.0.1:{PORT}"),
                // Other spellings of 127.0.0.1 a URL parser would canonicalise: only the literal is ours.
                Arguments.of("127.1:{PORT}"),
                Arguments.of("2130706433:{PORT}"),
                Arguments.of("0x7f.0.0.1:{PORT}"),
                Arguments.of("0177.0.0.1:{PORT}"),
                Arguments.of("127.0.0.2:{PORT}"),
                Arguments.of("localhost.:{PORT}"),
                Arguments.of("[::1]:{OTHER}"),
                // An empty Host is no Host.
                Arguments.of(""));
    }

    @ParameterizedTest(name = "Host {0}")
    @MethodSource("refusedHosts")
    void handshakeWithAForeignHostIsRefusedAndClosed(String host) throws IOException {
        refusedAndClosed(RawConnection.handshake(headers(host, null)));
    }

    /**
     * A Host that is an IPv4 address in IPv6 brackets must be refused like any other foreign
     * Host: a 403, not a failure inside the guard that drops the connection without an answer.
     */
    @ParameterizedTest(name = "Host {0}")
    @ValueSource(strings = {"[::ffff:127.0.0.1]:{PORT}", "[127.0.0.1]:{PORT}", "[1.2.3.4]:{PORT}"})
    void bracketedIpv4HostIsRefusedWithA403(String host) throws IOException {
        refusedAndClosed(RawConnection.handshake(headers(host, null)));
    }

    @Test
    void handshakeWithoutHostIsRefusedAlsoInHttp10() throws IOException {
        refusedAndClosed(RawConnection.handshake(headers(null, null)));
        refusedAndClosed("GET /health HTTP/1.0\r\n\r\n");
    }

    @Test
    void secondHostHeaderSpelledInAnotherCaseIsRefused() throws IOException {
        refusedAndClosed("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nhOsT: evil.example:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n");
    }

    static Stream<Arguments> refusedOrigins() {
        return Stream.of(
                Arguments.of("http://evil.example"),
                Arguments.of("https://evil.example"),
                // Sandboxed iframes, file:// pages, data: URLs and some redirects send the opaque origin.
                Arguments.of("null"),
                Arguments.of("NULL"),
                // Another local web server (a dev server, another app) is not us.
                Arguments.of("http://localhost:{OTHER}"),
                Arguments.of("http://127.0.0.1:{OTHER}"),
                Arguments.of("http://localhost"),
                Arguments.of("https://localhost:{PORT}"),
                Arguments.of("ws://127.0.0.1:{PORT}"),
                // Look-alikes built from our own origin.
                Arguments.of("http://127.0.0.1:{PORT}.evil.example"),
                Arguments.of("http://127.0.0.1:{PORT}@evil.example"),
                Arguments.of("http://evil.example/http://127.0.0.1:{PORT}"),
                Arguments.of("http://localhost.evil.example:{PORT}"),
                Arguments.of("http://[::ffff:127.0.0.1]:{PORT}"),
                // The allowed extra origin's look-alikes.
                Arguments.of("http://wallet.example"),
                Arguments.of("https://wallet.example.evil.example"),
                Arguments.of("https://evil.wallet.example"),
                Arguments.of("https://wallet.example:8443"),
                // No value at all is not "no Origin".
                Arguments.of(""));
    }

    @ParameterizedTest(name = "Origin {0}")
    @MethodSource("refusedOrigins")
    void handshakeFromAForeignOriginIsRefusedAndClosed(String origin) throws IOException {
        refusedAndClosed(RawConnection.handshake(headers("127.0.0.1:{PORT}", origin)));
    }

    @Test
    void twoOriginsAreRefusedEvenWhenOneIsAllowed() throws IOException {
        refusedAndClosed("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: " + SecurityDaemon.ALLOWED_ORIGIN
                + "\r\nOrigin: https://evil.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    }

    static Stream<Arguments> allowed() {
        return Stream.of(
                // A native app or a script: no Origin.
                Arguments.of("127.0.0.1:{PORT}", null),
                Arguments.of("localhost:{PORT}", null),
                Arguments.of("[::1]:{PORT}", null),
                Arguments.of("LocalHost:{PORT}", null),
                Arguments.of(" 127.0.0.1:{PORT} ", null),
                // The daemon's own pages.
                Arguments.of("127.0.0.1:{PORT}", "http://127.0.0.1:{PORT}"),
                Arguments.of("localhost:{PORT}", "http://localhost:{PORT}"),
                Arguments.of("[::1]:{PORT}", "http://[::1]:{PORT}"),
                // The --allow-origin one, as browsers may spell it.
                Arguments.of("127.0.0.1:{PORT}", "https://wallet.example"),
                Arguments.of("localhost:{PORT}", "HTTPS://Wallet.Example:443"));
    }

    @ParameterizedTest(name = "Host {0}, Origin {1}")
    @MethodSource("allowed")
    void allowedHandshakeUpgradesAndCarriesCalls(String host, String origin) throws IOException {
        try (RawConnection connection = RawConnection.open(port)) {
            connection.write(RawConnection.handshake(headers(host, origin)));

            assertThat(connection.readHead()).startsWith("HTTP/1.1 101");
            connection.sendText("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"bridge.info\"}");
            JsonNode reply = JSON.readTree(connection.readFrame().text());
            assertThat(reply.get("id").asInt()).isEqualTo(7);
            assertThat(reply.get("result").get("name").asText()).isEqualTo("hwbridge");
            connection.sendClose(1000);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/health", "/", "/index.html", "/app.js", "/logback.xml"})
    void plainRequestsFromAForeignOriginOrHostAreRefused(String path) throws IOException {
        String fromPage = refusedAndClosed("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nOrigin: https://evil.example\r\n\r\n");
        refusedAndClosed("GET " + path + " HTTP/1.1\r\nHost: evil.example:" + port + "\r\n\r\n");

        assertThat(fromPage.toLowerCase()).doesNotContain("access-control-allow-origin").doesNotContain("\"status\"");
    }

    @Test
    void corsPreflightFromAForeignOriginIsRefused() throws IOException {
        refusedAndClosed("OPTIONS /health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: https://evil.example\r\n"
                + "Access-Control-Request-Method: GET\r\n\r\n");
    }

    @Test
    void healthIsReadableByAllowedOriginsOnlyAndSaysSo() throws IOException {
        try (RawConnection connection = RawConnection.open(port)) {
            connection.write("GET /health HTTP/1.1\r\nHost: localhost:" + port + "\r\nOrigin: "
                    + SecurityDaemon.ALLOWED_ORIGIN + "\r\n\r\n");
            String fromWallet = connection.readResponse();

            assertThat(fromWallet).startsWith("HTTP/1.1 200")
                    .containsIgnoringCase("access-control-allow-origin: " + SecurityDaemon.ALLOWED_ORIGIN);
            assertThat(JSON.readTree(fromWallet.substring(fromWallet.indexOf("\r\n\r\n") + 4)).get("status").asText())
                    .isEqualTo("ok");
        }
        try (RawConnection connection = RawConnection.open(port)) {
            connection.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n");
            String fromApp = connection.readResponse();

            assertThat(fromApp).startsWith("HTTP/1.1 200");
            assertThat(fromApp.toLowerCase()).doesNotContain("access-control-allow-origin");
        }
    }

    @Test
    void everyRequestOnAKeptAliveConnectionIsChecked() throws IOException {
        try (RawConnection connection = RawConnection.open(port)) {
            connection.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n");
            assertThat(connection.readResponse()).startsWith("HTTP/1.1 200");

            connection.write("GET /health HTTP/1.1\r\nHost: evil.example:" + port + "\r\n\r\n");
            assertThat(connection.readResponse()).startsWith("HTTP/1.1 403");
            assertThat(connection.closedByPeerWithin(CLOSE_WAIT)).isTrue();
        }
    }

    @Test
    void handshakeAfterAnAllowedPlainRequestIsCheckedAgain() throws IOException {
        try (RawConnection connection = RawConnection.open(port)) {
            connection.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n");
            assertThat(connection.readResponse()).startsWith("HTTP/1.1 200");

            connection.write(RawConnection.handshake(headers("127.0.0.1:{PORT}", "https://evil.example")));
            assertThat(connection.readResponse()).startsWith("HTTP/1.1 403");
            assertThat(connection.closedByPeerWithin(CLOSE_WAIT)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/logback.xml", "/../logback.xml", "/%2e%2e/logback.xml", "/web/index.html",
        "/../web/index.html", "/dev/hwbridge/daemon/backup/hwbridge-backup.schema.json"})
    void allowedPageRequestsFindNothingOutsideTheWebFolder(String path) throws IOException {
        try (RawConnection connection = RawConnection.open(port)) {
            connection.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n");

            assertThat(connection.readResponse()).startsWith("HTTP/1.1 404");
        }
    }
}
