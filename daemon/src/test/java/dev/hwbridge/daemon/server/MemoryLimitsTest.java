package dev.hwbridge.daemon.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.daemon.rpc.MethodRegistry;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The daemon-wide bounds of API.md's Limits on in-memory connections sharing one daemon's caps:
 * the WebSocket cap (503), the one large message at a time (1013), the largest message (1009),
 * and the deadline of a started message (1008), on the event loop's virtual clock.
 */
class MemoryLimitsTest {

    private static final int MIB = 1 << 20;
    private static final ServerCaps CAPS = ServerCaps.DEFAULT;

    private final MethodRegistry methods = new MethodRegistry();
    private final List<String> logLines = new ArrayList<>();
    private final RefusalLog refusals = new RefusalLog(() -> 0, logLines::add);
    private final List<EmbeddedConnection> connections = new ArrayList<>();
    private DaemonChannelInitializer daemon = daemon(CAPS);

    MemoryLimitsTest() {
        methods.register("test.echo", (client, params) -> params);
    }

    @AfterEach
    void closeAll() {
        connections.forEach(EmbeddedConnection::close);
    }

    private DaemonChannelInitializer daemon(ServerCaps caps) {
        return daemon(caps, ConnectionLimits.DEFAULT);
    }

    private DaemonChannelInitializer daemon(ServerCaps caps, ConnectionLimits limits) {
        return EmbeddedConnection.initializer(methods, limits, List.of(), caps, refusals, new AtomicLong(1));
    }

    private EmbeddedConnection connect() {
        EmbeddedConnection connection = new EmbeddedConnection(daemon);
        // Only advanceTimeBy moves the event loop's clock: the deadline tests count to the millisecond.
        connection.channel.freezeTime();
        connections.add(connection);
        return connection;
    }

    /** A call to test.echo whose message is exactly {@code bytes} long. */
    private static String echoOfSize(int id, int bytes) {
        String prefix = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"test.echo\",\"params\":{\"p\":\"";
        String suffix = "\"}}";
        return prefix + "a".repeat(bytes - prefix.length() - suffix.length()) + suffix;
    }

    private static void passTime(EmbeddedConnection connection, long millis) {
        connection.channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        connection.channel.runScheduledPendingTasks();
    }

    @Test
    void secondLargeMessageWhileOneIsArrivingClosesWith1013() {
        EmbeddedConnection first = connect().upgrade();
        EmbeddedConnection second = connect().upgrade();
        String large = echoOfSize(1, 1_400_000);

        first.send(new TextWebSocketFrame(false, 0, large.substring(0, 1_100_000)));
        second.sendText(echoOfSize(2, 1_200_000));

        assertThat(second.receiveCloseStatus()).isEqualTo(1013);
        first.send(new ContinuationWebSocketFrame(true, 0, large.substring(1_100_000)));
        assertThat(first.receiveJson()).singleElement()
                .satisfies(reply -> assertThat(reply.get("id").asInt()).isEqualTo(1));
        assertThat(daemon.meter().largeInProgress()).isFalse();
        assertThat(logLines).anySatisfy(line -> assertThat(line).contains("try again later").contains("1013"));
    }

    @Test
    void largeMessageMayFollowOnceTheFirstHasArrived() {
        EmbeddedConnection first = connect().upgrade();
        EmbeddedConnection second = connect().upgrade();

        first.sendText(echoOfSize(1, 1_400_000));
        second.sendText(echoOfSize(2, 1_400_000));

        assertThat(first.receiveJson()).hasSize(1);
        assertThat(second.receiveJson()).hasSize(1);
        assertThat(daemon.meter().receivingBytes()).isZero();
    }

    @Test
    void largeSlotComesBackWhenItsConnectionCloses() {
        EmbeddedConnection first = connect().upgrade();
        first.send(new TextWebSocketFrame(false, 0, "x".repeat(2 * MIB)));
        assertThat(daemon.meter().largeInProgress()).isTrue();

        first.channel.close();

        assertThat(daemon.meter().largeInProgress()).isFalse();
        assertThat(daemon.meter().receivingBytes()).isZero();
        EmbeddedConnection second = connect().upgrade();
        second.sendText(echoOfSize(2, 2 * MIB));
        assertThat(second.receiveJson()).hasSize(1);
    }

    @Test
    void ordinaryMessagesGoOnWhileALargeOneIsArriving() {
        EmbeddedConnection first = connect().upgrade();
        EmbeddedConnection second = connect().upgrade();
        first.send(new TextWebSocketFrame(false, 0, "x".repeat(3 * MIB)));

        second.sendText(echoOfSize(7, MIB));

        assertThat(second.receiveJson()).singleElement()
                .satisfies(reply -> assertThat(reply.get("id").asInt()).isEqualTo(7));
    }

    @Test
    void messageOverTheLargeSizeClosesWith1009FromItsHeaderAlone() {
        EmbeddedConnection connection = connect().upgrade();
        byte[] frame = connection.encode(new TextWebSocketFrame("y".repeat(CAPS.largeMessageBytes() + 1)));

        // The 14-byte header (2 + 8 of length + 4 of mask) and nothing of the body.
        connection.sendBytes(frame, 0, 14);

        assertThat(connection.receiveCloseStatus()).isEqualTo(1009);
        assertThat(connection.channel.config().isAutoRead()).as("stops reading").isFalse();
        assertThat(daemon.meter().receivingBytes()).isZero();
    }

    @Test
    void fragmentsAddingUpToOverTheLargeSizeCloseWith1009() {
        EmbeddedConnection connection = connect().upgrade();
        String piece = "z".repeat(CAPS.largeMessageBytes() / 4);

        for (int i = 0; i < 4; i++) {
            connection.send(i == 0 ? new TextWebSocketFrame(false, 0, piece) : new ContinuationWebSocketFrame(false, 0, piece));
        }
        connection.send(new ContinuationWebSocketFrame(true, 0, "z"));

        assertThat(connection.receiveCloseStatus()).isEqualTo(1009);
        assertThat(daemon.meter().largeInProgress()).isFalse();
    }

    @Test
    void receivingBudgetSpentClosesWith1013() {
        daemon = daemon(new ServerCaps(64, 256, CAPS.messageDeadline(), MIB, 4 * MIB, 4 * MIB, CAPS.maxQueuedBytes()));
        List<EmbeddedConnection> parked = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            EmbeddedConnection connection = connect().upgrade();
            connection.send(new TextWebSocketFrame(false, 0, "p".repeat(MIB - 100)));
            parked.add(connection);
        }
        EmbeddedConnection late = connect().upgrade();

        late.sendText(echoOfSize(1, 1000));

        assertThat(late.receiveCloseStatus()).isEqualTo(1013);
        parked.forEach(connection -> assertThat(connection.receive()).isEmpty());
    }

    @Test
    void startedFrameMustArriveWithinTheDeadline() {
        EmbeddedConnection connection = connect().upgrade();
        byte[] frame = connection.encode(new TextWebSocketFrame(echoOfSize(1, 1000)));
        connection.sendBytes(frame, 0, 500);

        passTime(connection, CAPS.messageDeadline().toMillis() - 1);
        assertThat(connection.receive()).isEmpty();
        passTime(connection, 1);

        assertThat(connection.receiveCloseStatus()).isEqualTo(1008);
        assertThat(logLines).anySatisfy(line -> assertThat(line).contains("deadline").contains("1008"));
    }

    @Test
    void startedFragmentedMessageMustArriveWithinTheDeadline() {
        EmbeddedConnection connection = connect().upgrade();
        connection.send(new TextWebSocketFrame(false, 0, "{\"jsonrpc\":"));

        passTime(connection, CAPS.messageDeadline().toMillis());

        assertThat(connection.receiveCloseStatus()).isEqualTo(1008);
    }

    @Test
    void deadlineCountsFromTheStartOfEachMessageNotTheConnection() {
        EmbeddedConnection connection = connect().upgrade();
        for (int i = 1; i <= 3; i++) {
            byte[] frame = connection.encode(new TextWebSocketFrame(echoOfSize(i, 200)));
            connection.sendBytes(frame, 0, 100);
            passTime(connection, CAPS.messageDeadline().toMillis() - 1);
            connection.sendBytes(frame, 100, frame.length);
        }
        passTime(connection, 2 * CAPS.messageDeadline().toMillis());

        assertThat(logLines).isEmpty();
        assertThat(connection.receiveJson()).extracting(reply -> reply.get("id").asInt()).containsExactly(1, 2, 3);
        assertThat(connection.channel.isActive()).isTrue();
    }

    @Test
    void upgradeOverTheWebSocketCapGets503() {
        daemon = daemon(CAPS.withMaxWebSockets(2));
        EmbeddedConnection first = connect().upgrade();
        connect().upgrade();

        String refused = connect().http(EmbeddedConnection.HANDSHAKE);

        assertThat(refused).startsWith("HTTP/1.1 503");
        assertThat(logLines).anySatisfy(line -> assertThat(line).contains("503"));
        first.channel.close();
        assertThat(daemon.webSockets().open()).isEqualTo(1);
        connect().upgrade();
    }

    @Test
    void plainHttpRequestsDoNotTakeAWebSocketPlace() {
        daemon = daemon(CAPS.withMaxWebSockets(1));

        String health = connect().http("GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + EmbeddedConnection.PORT + "\r\n\r\n");

        assertThat(health).startsWith("HTTP/1.1 200");
        assertThat(daemon.webSockets().open()).isZero();
        connect().upgrade();
    }

    @Test
    void callsRefusedRateLimitedAreCountedAndLoggedOnce() {
        // 10 calls/s, burst 3, no delay, 100 refusals before a close; the clock never moves.
        daemon = daemon(CAPS, new ConnectionLimits(10, 3, Duration.ZERO, 100, 0, 32));
        EmbeddedConnection connection = connect().upgrade();

        for (int i = 1; i <= 20; i++) {
            connection.sendText(echoOfSize(i, 100));
        }

        assertThat(connection.receiveJson()).hasSize(20);
        assertThat(refusals.total()).isEqualTo(17);
        assertThat(logLines).singleElement().asString().contains("RATE_LIMITED");
    }
}
