package dev.hwbridge.daemon.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hwbridge.daemon.rpc.MethodRegistry;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Arbitrary bytes after the WebSocket handshake, cut into arbitrary reads: whatever the frames
 * declare, the daemon-wide meter gets every byte and the large-message slot back once the
 * connection has closed, so no client can leak the budget away.
 */
class InboundMessageGuardFuzzTest {

    /** Small caps, so that fuzzed lengths reach them. */
    private static final ServerCaps CAPS = new ServerCaps(4, 8, Duration.ofSeconds(10), 64, 256, 512, 4096);

    @FuzzTest
    void meterIsGivenBackWhateverTheBytes(byte[] input) {
        MethodRegistry methods = new MethodRegistry();
        methods.register("test.echo", (client, params) -> params);
        DaemonChannelInitializer daemon = EmbeddedConnection.initializer(methods, ConnectionLimits.DEFAULT, List.of(),
                CAPS, new RefusalLog(() -> 0, line -> { }), new AtomicLong(1));
        EmbeddedConnection connection = new EmbeddedConnection(daemon).upgrade();
        try {
            int at = 0;
            while (at < input.length) {
                int size = 1 + (input[at] & 0x3F);
                int end = Math.min(input.length, at + size);
                connection.sendBytes(input, at, end);
                at = end;
            }
            connection.receive().forEach(ReferenceCountUtil::release);
            connection.channel.advanceTimeBy(CAPS.messageDeadline().toMillis() + JsonRpcFrameHandler.CLOSE_GRACE.toMillis(),
                    TimeUnit.MILLISECONDS);
            connection.channel.runScheduledPendingTasks();
            connection.channel.close();

            assertThat(daemon.meter().receivingBytes()).isZero();
            assertThat(daemon.meter().largeInProgress()).isFalse();
        } finally {
            connection.close();
        }
    }
}
