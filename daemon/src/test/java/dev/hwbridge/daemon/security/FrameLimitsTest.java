package dev.hwbridge.daemon.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.daemon.app.Daemon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size limits of API.md ("one WebSocket frame: 4 MiB, close 1009"; "one message, continuation
 * frames added up: 4 MiB, close 1009") on a real socket against the whole daemon, with frames
 * built byte by byte.
 *
 * <p>Gap filled: the existing tests send one oversized frame with the JDK client on a real socket,
 * and check fragmented messages only on an in-memory pipeline. Missing were: a frame that only
 * <em>declares</em> a huge length (up to 2^40 bytes) and never sends it, which must be refused
 * from its header, without the daemon waiting for or buffering the body; fragments on a real
 * socket (two large ones, many small ones); that the limit counts UTF-8 bytes, not characters;
 * that a fragmented message of exactly the limit still gets its answer; that the daemon really closes
 * the socket after 1009 when the client never answers the close; and oversized control frames.
 */
class FrameLimitsTest {

    private static final int LIMIT = 4 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The daemon closes the socket this long after its close frame if the peer stays silent (2 s), plus slack. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(6);

    @TempDir
    static Path dataDir;

    private static Daemon daemon;

    @BeforeAll
    static void start() throws IOException {
        daemon = SecurityDaemon.start(dataDir);
    }

    @AfterAll
    static void stop() {
        daemon.close();
    }

    private static RawConnection connect() throws IOException {
        return RawConnection.webSocket(daemon.port());
    }

    @Test
    void hugeDeclaredFrameIsRefusedFromItsHeaderAlone() throws IOException {
        try (RawConnection connection = connect()) {
            connection.sendFrameHeader(true, RawConnection.OPCODE_TEXT, 1L << 40, new byte[0]);

            assertThat(connection.awaitCloseStatus()).isEqualTo(1009);
            assertThat(connection.closedByPeerWithin(CLOSE_WAIT)).as("the socket closed too").isTrue();
        }
    }

    @Test
    void frameDeclaringOneByteOverTheLimitIsRefusedBeforeItsBody() throws IOException {
        try (RawConnection connection = connect()) {
            connection.sendFrameHeader(true, RawConnection.OPCODE_TEXT, LIMIT + 1L, "{\"jsonrpc\"".getBytes(
                    StandardCharsets.US_ASCII));

            assertThat(connection.awaitCloseStatus()).isEqualTo(1009);
        }
    }

    @Test
    void twoFragmentsAddingUpToMoreThanTheLimitClose1009AndTheSocket() throws IOException {
        try (RawConnection connection = connect()) {
            byte[] half = RawConnection.filler(LIMIT / 2 + 1, ' ');

            connection.sendFrame(false, RawConnection.OPCODE_TEXT, half);
            connection.sendFrame(true, RawConnection.OPCODE_CONTINUATION, half);

            assertThat(connection.awaitCloseStatus()).isEqualTo(1009);
            assertThat(connection.closedByPeerWithin(CLOSE_WAIT)).as("closed without our answering close").isTrue();
        }
    }

    @Test
    void manySmallFragmentsAreAddedUpAgainstTheLimit() throws IOException {
        try (RawConnection connection = connect()) {
            byte[] piece = RawConnection.filler(64 * 1024, ' ');
            connection.sendFrame(false, RawConnection.OPCODE_TEXT, piece);
            try {
                // One 64 KiB piece more than the limit holds.
                int pieces = LIMIT / piece.length + 1;
                for (int i = 1; i < pieces; i++) {
                    connection.sendFrame(i == pieces - 1, RawConnection.OPCODE_CONTINUATION, piece);
                }
            } catch (IOException e) {
                // The daemon may drop the socket before the last pieces are written; its close frame is what counts.
            }

            assertThat(connection.awaitCloseStatus()).isEqualTo(1009);
        }
    }

    @Test
    void limitCountsUtf8BytesNotCharacters() throws IOException {
        try (RawConnection connection = connect()) {
            // Half the limit in characters, but 4 bytes over it in UTF-8.
            byte[] half = "é".repeat(LIMIT / 4 + 1).getBytes(StandardCharsets.UTF_8);

            connection.sendFrame(false, RawConnection.OPCODE_TEXT, half);
            connection.sendFrame(true, RawConnection.OPCODE_CONTINUATION, half);

            assertThat(connection.awaitCloseStatus()).isEqualTo(1009);
        }
    }

    @Test
    void fragmentedMessageOfExactlyTheLimitIsAnswered() throws IOException {
        try (RawConnection connection = connect()) {
            String head = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"bridge.info\"";
            byte[] message = RawConnection.filler(LIMIT, ' ');
            System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, message, 0, head.length());
            message[LIMIT - 1] = '}';
            int pieces = 16;
            int size = LIMIT / pieces;

            for (int i = 0; i < pieces; i++) {
                connection.sendFrame(i == pieces - 1, i == 0 ? RawConnection.OPCODE_TEXT : RawConnection.OPCODE_CONTINUATION,
                        Arrays.copyOfRange(message, i * size, (i + 1) * size));
            }

            RawConnection.Frame reply = connection.readFrame();
            assertThat(reply.opcode()).isEqualTo(RawConnection.OPCODE_TEXT);
            JsonNode json = JSON.readTree(reply.text());
            assertThat(json.get("result").get("name").asText()).isEqualTo("hwbridge");
        }
    }

    @Test
    void controlFrameOverItsProtocolLimitClosesTheConnection() throws IOException {
        try (RawConnection connection = connect()) {
            // RFC 6455: a control frame's payload is at most 125 bytes.
            connection.sendFrame(true, RawConnection.OPCODE_PING, RawConnection.filler(126, 'p'));

            assertThat(connection.awaitCloseStatus()).isEqualTo(1002);
            assertThat(connection.closedByPeerWithin(CLOSE_WAIT)).isTrue();
        }
    }

    @Test
    void connectionStaysUsableBelowTheLimits() throws IOException {
        try (RawConnection connection = connect()) {
            connection.sendFrame(true, RawConnection.OPCODE_PING, RawConnection.filler(125, 'p'));
            RawConnection.Frame pong = connection.readFrame();
            connection.sendText("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"bridge.info\"}");

            assertThat(pong.opcode()).isEqualTo(RawConnection.OPCODE_PONG);
            assertThat(JSON.readTree(connection.readFrame().text()).get("id").asInt()).isEqualTo(2);
        }
    }
}
