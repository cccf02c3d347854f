package dev.hwbridge.e2e;

import static dev.hwbridge.testkit.rpc.RpcClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.testkit.process.DaemonProcess;
import dev.hwbridge.testkit.process.SimulatorProcess;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator process dies (SIGKILL) while the daemon, another process, waits for the user to
 * confirm on it: the caller gets DEVICE_GONE, its session ends, subscribers hear
 * {@code device.detached}; a simulator started again on the same port is the same device again.
 */
class SimulatorKilledMidCallTest {

    /** The daemon gives up on a simulator after 3 unanswered probes 500 ms apart, plus slack. */
    private static final Duration DETACH_WAIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    @Test
    void aKilledSimulatorFailsTheWaitingCallFreesTheSessionAndComesBackAfterARestart() throws Exception {
        Path mnemonic = temp.resolve("mnemonic.txt");
        Files.writeString(mnemonic, DevAccounts.PHRASE + "\n", StandardCharsets.UTF_8);
        Path logs = temp.resolve("logs");
        SimulatorProcess simulator = SimulatorProcess.start("simulator-1", 0, mnemonic, logs);
        SimulatorProcess restarted = null;
        int port = simulator.udpPort();
        try (DaemonProcess daemon = DaemonProcess.start("daemon", List.of(DaemonProcess.loopback(port)),
                temp.resolve("data"), logs, List.of("-Xmx256m"))) {
            try (RpcClient watcher = RpcClient.connect(daemon.webSocketUri());
                 RpcClient wallet = RpcClient.connect(daemon.webSocketUri())) {
                watcher.call("device.subscribe", params());
                String device = awaitDevice(wallet);
                String session = wallet.call("session.acquire", params("device", device)).get("session").asText();
                CompletableFuture<JsonNode> waiting = wallet.send("account.derive", params("session", session,
                        "scheme", "sr25519", "path", "//polkadot//0", "ss58Format", 0, "show", true));
                simulator.screen().await("confirm");

                long killed = System.nanoTime();
                simulator.kill();

                JsonNode error = RpcClient.error(waiting);
                long goneMillis = (System.nanoTime() - killed) / 1_000_000;
                assertThat(RpcClient.errorName(error)).as("the waiting call's error: %s", error).isEqualTo("DEVICE_GONE");
                JsonNode ended = wallet.awaitNotification("session.ended", p -> true, DETACH_WAIT);
                assertThat(ended.get("session").asText()).isEqualTo(session);
                assertThat(ended.get("reason").asText()).isEqualTo("detached");
                JsonNode detached = watcher.awaitNotification("device.detached", p -> true, DETACH_WAIT);
                assertThat(detached.get("id").asText()).isEqualTo(device);
                assertThat(detached.get("session").isNull()).isTrue();
                assertThat(wallet.call("device.list", params())).isEmpty();
                assertThat(RpcClient.errorName(wallet.error("device.features", params("session", session))))
                        .isEqualTo("NO_SESSION");

                long restart = System.nanoTime();
                restarted = SimulatorProcess.start("simulator-2", port, mnemonic, logs);

                JsonNode attached = watcher.awaitNotification("device.attached", p -> true, DETACH_WAIT);
                long backMillis = (System.nanoTime() - restart) / 1_000_000;
                assertThat(attached.get("id").asText()).as("the same path keeps its id").isEqualTo(device);
                assertThat(awaitDevice(wallet)).isEqualTo(device);
                String again = wallet.call("session.acquire", params("device", device)).get("session").asText();
                assertThat(again).isNotEqualTo(session);
                JsonNode derived = wallet.call("account.derive", params("session", again, "scheme", "sr25519",
                        "path", "//polkadot//0", "ss58Format", 0));
                DevAccounts.Account expected = DevAccounts.of(KeyScheme.SR25519, "//polkadot//0");
                assertThat(derived.get("publicKey").asText()).isEqualTo(expected.publicKey());
                assertThat(derived.get("address").asText()).isEqualTo(expected.address());
                assertThat(restarted.screen().screen().get("input").asText()).isEqualTo("none");
                System.out.printf("simulator killed mid-confirm: DEVICE_GONE %d ms after the kill; device.attached"
                        + " %d ms after the restart began (JVM start included)%n", goneMillis, backMillis);
                assertThat(wallet.violations()).isEmpty();
                assertThat(watcher.violations()).isEmpty();
            }
            assertThat(daemon.process().isAlive()).as("the daemon survived; stderr:%n%s", daemon.process().stderrTail())
                    .isTrue();
        } finally {
            simulator.close();
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    /** Waits until device.list shows one device with its label fetched; returns its id. */
    private static String awaitDevice(RpcClient client) throws Exception {
        long deadline = System.nanoTime() + DETACH_WAIT.toNanos();
        while (true) {
            JsonNode list = client.call("device.list", params());
            if (list.size() == 1 && !list.get(0).get("label").isNull()) {
                return list.get(0).get("id").asText();
            }
            assertThat(System.nanoTime()).as("the simulator in device.list; got %s", list).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
