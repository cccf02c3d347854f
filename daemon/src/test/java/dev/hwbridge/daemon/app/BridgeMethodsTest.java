package dev.hwbridge.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.hwbridge.daemon.loop.IoLoop;
import dev.hwbridge.daemon.rpc.MethodRegistry;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BridgeMethodsTest {

    @TempDir
    Path dataDir;

    @Test
    void bridgeInfoNamesTheBridgeItsVersionAndTheApiVersion() throws Exception {
        MethodRegistry registry = new MethodRegistry();
        try (DaemonContext context = new DaemonContext(offlineConfig(), "7.7.7")) {
            BridgeMethods.registerAll(registry, context, context.closeOnStop(IoLoop.start()));

            JsonNode info = registry.lookup("bridge.info").orElseThrow().call(null, NullNode.getInstance());

            assertThat(info).isEqualTo(new ObjectMapper().readTree(
                    "{\"name\":\"hwbridge\",\"version\":\"7.7.7\",\"protocolVersion\":1}"));
        }
    }

    @Test
    void bridgeInfoAndDeviceListAreAnsweredWhereTheyArriveWhileOtherCallsGoToAWorker() throws Exception {
        MethodRegistry registry = new MethodRegistry();
        try (DaemonContext context = new DaemonContext(offlineConfig(), "7.7.7")) {
            BridgeMethods.registerAll(registry, context, context.closeOnStop(IoLoop.start()));

            CompletableFuture<JsonNode> info = registry.lookup("bridge.info").orElseThrow()
                    .startWithoutBlocking(null, NullNode.getInstance()).orElseThrow();
            CompletableFuture<JsonNode> list = registry.lookup("device.list").orElseThrow()
                    .startWithoutBlocking(null, NullNode.getInstance()).orElseThrow();

            assertThat(info).isCompleted();
            assertThat(info.join().get("version").asText()).isEqualTo("7.7.7");
            assertThat(list).isCompleted();
            assertThat(list.join().isArray()).isTrue();
            assertThat(registry.lookup("account.list").orElseThrow()
                    .startWithoutBlocking(null, NullNode.getInstance())).isEmpty();
        }
    }

    @Test
    void versionComesFromTheBuild() {
        assertThat(DaemonVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void runningDaemonAnswersBridgeInfoOverTheWebSocket() throws Exception {
        try (Daemon daemon = Daemon.start(offlineConfig()); RpcClient client = RpcClient.connect(daemon.webSocketUri())) {
            JsonNode reply = client.callRaw("{\"jsonrpc\":\"2.0\",\"id\":\"i\",\"method\":\"bridge.info\",\"params\":{}}");

            assertThat(reply.get("id").asText()).isEqualTo("i");
            assertThat(reply.get("result").get("version").asText()).isEqualTo(DaemonVersion.current());
            assertThat(daemon.port()).isPositive();
        }
    }

    /** No USB buses, no simulators, and a data directory of the test's own. */
    private DaemonConfig offlineConfig() {
        return new DaemonConfig(0, InetAddress.getLoopbackAddress(), List.of(), List.of(), dataDir, false, false, false);
    }
}
