package dev.hwbridge.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two wallets, one device: contention, takeover, closing, and the device going away mid-call. */
class SessionEndToEndTest {

    @TempDir
    Path dataDir;

    private Bench bench;
    private RpcClient first;
    private RpcClient second;

    @BeforeEach
    void start() throws Exception {
        bench = Bench.start(dataDir, Bench.DEV_PHRASE);
        first = bench.connect();
        second = bench.connect();
    }

    @AfterEach
    void stop() throws Exception {
        bench.close();
    }

    @Test
    void aHeldDeviceIsBusyForOthers() throws Exception {
        String session = bench.acquire(first);

        JsonNode error = second.error("session.acquire", "{\"device\":\"1\"}");

        assertThat(error.get("code").asInt()).isEqualTo(RpcError.BUSY.code());
        assertThat(second.call("device.list", "{}").get(0).get("session").asText()).isEqualTo(session);
    }

    @Test
    void namingTheCurrentSessionTakesTheDeviceOverAndCancelsTheOldOwnersCall() throws Exception {
        String session = bench.acquire(first);
        CompletableFuture<JsonNode> waiting = first.send("account.derive", "{\"session\":\"" + session
                + "\",\"scheme\":\"sr25519\",\"path\":\"//1\",\"ss58Format\":0,\"show\":true}");
        bench.hand.await(InputKind.CONFIRM);

        String taken = second.call("session.acquire", "{\"device\":\"1\",\"previous\":\"" + session + "\"}")
                .get("session").asText();

        assertThat(RpcClient.error(waiting).get("code").asInt()).isEqualTo(RpcError.CANCELLED.code());
        JsonNode ended = first.awaitNotification("session.ended");
        assertThat(ended.get("session").asText()).isEqualTo(session);
        assertThat(ended.get("reason").asText()).isEqualTo("stolen");
        assertThat(first.error("device.features", "{\"session\":\"" + session + "\"}").get("code").asInt())
                .isEqualTo(RpcError.NO_SESSION.code());
        assertThat(second.call("device.features", "{\"session\":\"" + taken + "\"}").get("initialized").asBoolean())
                .isTrue();
        bench.hand.await(InputKind.NONE);
    }

    @Test
    void closingTheConnectionFreesItsDevice() throws Exception {
        bench.acquire(first);

        first.close();

        JsonNode acquired = null;
        for (int i = 0; i < 100 && acquired == null; i++) {
            JsonNode response = second.send("session.acquire", "{\"device\":\"1\"}").get();
            acquired = response.has("result") ? response.get("result") : null;
            Thread.sleep(acquired == null ? 20 : 0);
        }
        assertThat(acquired).as("the device was freed").isNotNull();
    }

    @Test
    void releaseFreesTheDevice() throws Exception {
        String session = bench.acquire(first);

        assertThat(first.call("session.release", "{\"session\":\"" + session + "\"}").isNull()).isTrue();

        assertThat(second.call("device.list", "{}").get(0).get("session").isNull()).isTrue();
        assertThat(second.call("session.acquire", "{\"device\":\"1\"}").get("session").asText()).hasSize(32);
    }

    @Test
    void aRejectionOnTheDeviceIsUserRejected() throws Exception {
        String session = bench.acquire(first);

        CompletableFuture<JsonNode> call = first.send("device.wipe", "{\"session\":\"" + session + "\"}");
        bench.hand.reject();

        assertThat(RpcClient.error(call).get("code").asInt()).isEqualTo(RpcError.USER_REJECTED.code());
        assertThat(first.call("device.features", "{\"session\":\"" + session + "\"}").get("initialized").asBoolean())
                .isTrue();
    }

    @Test
    void unplugMidCallFailsTheCallFreesTheSessionAndTellsSubscribers() throws Exception {
        second.call("device.subscribe", "{}");
        String session = bench.acquire(first);
        CompletableFuture<JsonNode> wipe = first.send("device.wipe", "{\"session\":\"" + session + "\"}");
        bench.hand.await(InputKind.CONFIRM);

        bench.simulator.close();

        assertThat(RpcClient.error(wipe).get("code").asInt()).isEqualTo(RpcError.DEVICE_GONE.code());
        JsonNode ended = first.awaitNotification("session.ended");
        assertThat(ended.get("reason").asText()).isEqualTo("detached");
        assertThat(ended.get("session").asText()).isEqualTo(session);
        assertThat(second.awaitNotification("device.detached").get("id").asText()).isEqualTo("1");
        assertThat(first.call("device.list", "{}")).isEmpty();
        assertThat(first.error("device.features", "{\"session\":\"" + session + "\"}").get("code").asInt())
                .isEqualTo(RpcError.NO_SESSION.code());
    }
}
