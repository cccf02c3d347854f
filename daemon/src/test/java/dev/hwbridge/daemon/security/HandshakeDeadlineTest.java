package dev.hwbridge.daemon.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.daemon.app.Daemon;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow clients against API.md's "connection not upgraded to a WebSocket: 10 s after it opened,
 * closed (plain HTTP connections too)", in real time on real sockets.
 *
 * <p>Gap filled: the existing test checks the deadline on an in-memory pipeline with a virtual
 * clock, after one /health request. Missing were: the real timer on a real socket; a client that
 * sends nothing; a slowloris client that trickles a request line and headers a byte at a time
 * (an idle timeout would never fire); a kept-alive /health connection that stays busy but never
 * upgrades; that none of them is closed early; that an upgraded connection outlives the deadline;
 * and that many such sockets hanging at once do not keep a real client out. The five cases share
 * one 10-second wait.
 */
class HandshakeDeadlineTest {

    /** API.md's documented deadline. */
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    /** Timers and a loaded 2-core CI machine: how late a close may come and still count. */
    private static final Duration SLACK = Duration.ofSeconds(3);
    private static final Duration EARLY = Duration.ofMillis(500);
    private static final int HANGING = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private Daemon daemon;
    private final ExecutorService clients = Executors.newCachedThreadPool();

    @BeforeEach
    void start() throws IOException {
        daemon = SecurityDaemon.start(dataDir);
    }

    @AfterEach
    void stop() {
        clients.shutdownNow();
        daemon.close();
    }

    /** How long after opening the daemon closed the connection {@code behaviour} drives; it must close. */
    private Future<Duration> timed(Behaviour behaviour) {
        return clients.submit(() -> {
            try (RawConnection connection = RawConnection.open(daemon.port())) {
                long opened = System.nanoTime();
                boolean closed = behaviour.drive(connection, opened + DEADLINE.plus(SLACK).toNanos());
                assertThat(closed).as("closed by the daemon within %s", DEADLINE.plus(SLACK)).isTrue();
                return Duration.ofNanos(System.nanoTime() - opened);
            }
        });
    }

    /** What a slow client does until the daemon closes it (true) or its deadline passes (false). */
    @FunctionalInterface
    private interface Behaviour {
        boolean drive(RawConnection connection, long deadlineNanos) throws Exception;
    }

    private static Duration left(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /** Writes {@code text} one byte every {@code pause}, stopping when the daemon closes. */
    private static boolean trickle(RawConnection connection, String text, Duration pause, long deadlineNanos)
            throws IOException {
        int i = 0;
        while (System.nanoTime() < deadlineNanos) {
            try {
                int at = i % text.length();
                connection.write(text.substring(at, at + 1));
            } catch (IOException e) {
                // Writing to a socket the daemon closed.
                return true;
            }
            i++;
            if (connection.closedByPeerWithin(pause)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void slowAndSilentConnectionsAreClosedAtTheDeadlineAndNoEarlier() throws Exception {
        List<Future<Duration>> slow = new ArrayList<>();
        // Connects and sends nothing.
        slow.add(timed((connection, deadline) -> connection.closedByPeerWithin(left(deadline))));
        // A request line one byte every 300 ms, never finished.
        slow.add(timed((connection, deadline) -> trickle(connection, "GET /" + "a".repeat(200),
                Duration.ofMillis(300), deadline)));
        // A complete request line, then headers that never end, a byte every 300 ms.
        slow.add(timed((connection, deadline) -> {
            connection.write("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + daemon.port() + "\r\n");
            return trickle(connection, "X-Padding: aaaaaaaa\r\n", Duration.ofMillis(300), deadline);
        }));
        // A busy kept-alive /health connection that never upgrades.
        slow.add(timed((connection, deadline) -> {
            while (System.nanoTime() < deadline) {
                try {
                    connection.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + daemon.port() + "\r\n\r\n");
                    String response = connection.readResponse();
                    if (response.isEmpty()) {
                        return true;
                    }
                    assertThat(response).startsWith("HTTP/1.1 200");
                } catch (IOException e) {
                    return true;
                }
                if (connection.closedByPeerWithin(Duration.ofMillis(500))) {
                    return true;
                }
            }
            return false;
        }));
        List<RawConnection> hanging = new ArrayList<>();
        try {
            for (int i = 0; i < HANGING; i++) {
                hanging.add(RawConnection.open(daemon.port()));
            }
            // Meanwhile a wallet connects and is served, and stays connected past the deadline.
            try (RawConnection wallet = RawConnection.webSocket(daemon.port())) {
                wallet.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"bridge.info\"}");
                assertThat(JSON.readTree(wallet.readFrame().text()).get("id").asInt()).isEqualTo(1);

                for (Future<Duration> connection : slow) {
                    assertThat(connection.get(DEADLINE.plus(SLACK).toSeconds() + 5, TimeUnit.SECONDS))
                            .isBetween(DEADLINE.minus(EARLY), DEADLINE.plus(SLACK));
                }
                for (RawConnection connection : hanging) {
                    assertThat(connection.closedByPeerWithin(SLACK)).as("an idle socket").isTrue();
                }

                wallet.sendText("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"bridge.info\"}");
                assertThat(JSON.readTree(wallet.readFrame().text()).get("id").asInt())
                        .as("the upgraded connection outlived the deadline").isEqualTo(2);
            }
        } finally {
            for (RawConnection connection : hanging) {
                connection.close();
            }
        }
    }
}
