package dev.hwbridge.daemon.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hwbridge.daemon.rpc.MethodRegistry;
import dev.hwbridge.daemon.server.DaemonServer;
import dev.hwbridge.daemon.server.HealthSource;
import dev.hwbridge.daemon.server.ServerSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * API.md's "replies queued for a client that does not read them": a client that asks for more
 * than it reads is dropped once 2 MiB wait for it, instead of the daemon queueing without end.
 */
class SlowReaderTest {

    private static final int NOTIFICATION_BYTES = 64 * 1024;
    /** 32 MiB: more than the kernel's socket buffers on both sides hold, so the rest queues in the daemon. */
    private static final int NOTIFICATIONS = 512;

    private final AtomicInteger sent = new AtomicInteger();
    private DaemonServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void clientThatDoesNotReadIsDroppedBeforeTheFloodIsQueued() throws Exception {
        MethodRegistry methods = new MethodRegistry();
        String filler = "n".repeat(NOTIFICATION_BYTES);
        methods.register("test.flood", (client, params) -> {
            for (int i = 0; i < NOTIFICATIONS && client.isOpen(); i++) {
                client.notify("test.note", TextNode.valueOf(filler));
                sent.incrementAndGet();
            }
            return JsonNodeFactory.instance.nullNode();
        });
        server = DaemonServer.start(ServerSettings.loopbackEphemeral(), methods, new HealthSource() {
            @Override
            public String version() {
                return "1";
            }

            @Override
            public OptionalInt deviceCount() {
                return OptionalInt.empty();
            }
        });

        try (RawConnection connection = RawConnection.webSocket(server.port())) {
            connection.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.flood\"}");

            // Never reading: the daemon must give up on us.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (server.connectionCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(server.connectionCount()).as("the connection was dropped").isZero();
            assertThat(sent.get()).as("notifications made before the drop").isLessThan(NOTIFICATIONS);
        }
    }
}
