package dev.hwbridge.daemon.e2e;

import static dev.hwbridge.testkit.rpc.RpcClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.app.Daemon;
import dev.hwbridge.daemon.app.DaemonConfig;
import dev.hwbridge.simulator.Simulator;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prompt open on one device, with hundreds of calls waiting for that device, delays neither a
 * call to another device nor a call that needs no device: waiting calls hold no worker thread,
 * and neither does the prompt.
 */
class DeviceQueueEndToEndTest {

    private static final int CONNECTIONS = 8;
    private static final int PINGS_EACH = 32;
    /** Far above a call's cost on an idle machine, far below the 10 s a held worker pool took to free. */
    private static final long PROMPT_MS = 3000;

    @TempDir
    Path dataDir;

    @Test
    void aPromptOnOneDeviceDelaysNeitherAnotherDeviceNorCallsThatNeedNone() throws Exception {
        try (Simulator held = Bench.startSimulator(Bench.DEV_PHRASE);
             Simulator other = Bench.startSimulator(Bench.OTHER_PHRASE);
             Daemon daemon = Daemon.start(new DaemonConfig(0, InetAddress.getLoopbackAddress(), List.of(),
                     List.of(held.udpAddress(), other.udpAddress()), dataDir, false, false, false))) {
            List<RpcClient> clients = new ArrayList<>();
            try {
                RpcClient owner = connect(daemon, clients);
                List<String> ids = awaitDevices(owner);
                String heldId = ids.get(0);
                String otherId = ids.get(1);
                String session = owner.call("session.acquire", params("device", heldId)).get("session").asText();
                // Which simulator is device heldId depends on the order they attached; show the address on it.
                CompletableFuture<JsonNode> prompt = owner.send("account.derive", params("session", session,
                        "scheme", "sr25519", "path", "//polkadot", "ss58Format", 0, "show", true));
                DeviceHand hand = awaitPrompt(held, other);

                List<CompletableFuture<JsonNode>> waiting = new ArrayList<>();
                for (int c = 0; c < CONNECTIONS; c++) {
                    RpcClient flood = connect(daemon, clients);
                    for (int i = 0; i < PINGS_EACH; i++) {
                        waiting.add(flood.send("device.ping", params("device", heldId, "data", "0x0102")));
                    }
                }
                RpcClient second = connect(daemon, clients);
                long started = System.nanoTime();
                assertThat(second.call("bridge.info", "{}").get("name").asText()).isEqualTo("hwbridge");
                assertThat(second.call("device.list", "{}")).hasSize(2);
                assertThat(second.call("account.list", "{}").isArray()).isTrue();
                String otherSession = second.call("session.acquire", params("device", otherId)).get("session").asText();
                JsonNode key = second.call("account.derive", params("session", otherSession, "scheme", "sr25519",
                        "path", "//kusama", "ss58Format", 2));
                assertThat(second.call("device.ping", params("device", otherId, "data", "0x07")).get("data").asText())
                        .isEqualTo("0x07");
                long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

                assertThat(key.get("publicKey").asText()).startsWith("0x");
                assertThat(tookMs).as("calls beside the prompt, ms").isLessThan(PROMPT_MS);
                assertThat(prompt).isNotDone();
                assertThat(waiting).as("pings queued behind the prompt").noneMatch(CompletableFuture::isDone);
                // No thread waits for the held device: neither the prompt nor the pings behind it.
                assertThat(threadsInDeviceCalls()).as("threads held by device calls").isEmpty();

                hand.confirm();
                assertThat(RpcClient.result(prompt).get("publicKey").asText()).startsWith("0x");
                for (CompletableFuture<JsonNode> ping : waiting) {
                    JsonNode reply = ping.get(30, TimeUnit.SECONDS);
                    assertThat(reply.has("error")).as("%s", reply).isFalse();
                    assertThat(reply.get("result").get("data").asText()).isEqualTo("0x0102");
                }
            } finally {
                for (RpcClient client : clients) {
                    client.close();
                }
            }
        }
    }

    /**
     * The threads inside a device exchange or running a method's body in a device's turn. The
     * daemon runs in this JVM, so its threads are visible here.
     */
    private static List<String> threadsInDeviceCalls() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> Arrays.stream(entry.getValue()).anyMatch(frame ->
                        frame.getClassName().equals("dev.hwbridge.daemon.device.Device")
                                && frame.getMethodName().equals("exchange")
                                || frame.getClassName().startsWith("dev.hwbridge.daemon.device.CallQueue$BlockingCall")))
                .map(entry -> entry.getKey().getName())
                .toList();
    }

    private static RpcClient connect(Daemon daemon, List<RpcClient> clients) throws Exception {
        RpcClient client = RpcClient.connect(daemon.webSocketUri());
        clients.add(client);
        return client;
    }

    private static List<String> awaitDevices(RpcClient client) throws Exception {
        for (int i = 0; i < 400; i++) {
            JsonNode list = client.call("device.list", "{}");
            if (list.size() == 2) {
                return List.of(list.get(0).get("id").asText(), list.get(1).get("id").asText());
            }
            Thread.sleep(25);
        }
        throw new AssertionError("two devices did not attach");
    }

    /** The hand of whichever simulator shows the prompt. */
    private static DeviceHand awaitPrompt(Simulator... simulators) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            for (Simulator simulator : simulators) {
                if (simulator.screen().current().input() == InputKind.CONFIRM) {
                    return new DeviceHand(simulator.screen());
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no prompt appeared");
    }
}
