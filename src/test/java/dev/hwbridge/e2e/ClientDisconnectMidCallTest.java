package dev.hwbridge.e2e;

import static dev.hwbridge.testkit.rpc.RpcClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.app.Daemon;
import dev.hwbridge.daemon.app.DaemonConfig;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.Simulator;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.screen.Screen;
import dev.hwbridge.simulator.state.KdfParams;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A wallet goes away while the device waits for the user to confirm its signing request: the
 * device call is cancelled (the device leaves the confirm screen for its idle one, and no
 * signature is made), and the device is free for the next wallet at once.
 */
class ClientDisconnectMidCallTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** "At once": the daemon interrupts the call and the device answers the CANCEL promptly. */
    private static final Duration FREED_WITHIN = Duration.ofSeconds(3);

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "abrupt = {0}")
    @ValueSource(booleans = {false, true})
    void aWalletThatLeavesMidConfirmCancelsTheDeviceCallAndFreesTheDevice(boolean abrupt) throws Exception {
        try (Simulator simulator = Simulator.builder().udpPort(0).automationPort(0).kdf(new KdfParams(64, 1, 1))
                .mnemonic(DevAccounts.PHRASE).start();
             Daemon daemon = Daemon.start(new DaemonConfig(0, InetAddress.getLoopbackAddress(), List.of(),
                     List.of(simulator.udpAddress()), dataDir, false, false, false));
             RpcClient next = RpcClient.connect(daemon.webSocketUri())) {
            RpcClient leaving = RpcClient.connect(daemon.webSocketUri());
            String device = awaitDevice(next);
            String session = leaving.call("session.acquire", params("device", device)).get("session").asText();
            leaving.send("account.sign", params("session", session, "scheme", "sr25519", "path", "//polkadot//0",
                    "payload", "0x0503008eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48e5c0"));
            Screen asked = awaitScreen(simulator, InputKind.CONFIRM, WAIT);
            assertThat(asked.title()).isEqualTo("Blind signing");

            if (abrupt) {
                // The TCP connection drops without a WebSocket close: a crashed or killed wallet.
                leaving.abort();
            } else {
                leaving.close();
            }
            long left = System.nanoTime();

            awaitScreen(simulator, InputKind.NONE, FREED_WITHIN);
            String taken = null;
            while (taken == null) {
                JsonNode reply = next.send("session.acquire", params("device", device)).get();
                if (reply.has("result")) {
                    taken = reply.get("result").get("session").asText();
                } else {
                    assertThat(RpcClient.errorName(reply.get("error"))).isEqualTo("BUSY");
                    assertThat(Duration.ofNanos(System.nanoTime() - left)).as("the device is free again")
                            .isLessThan(FREED_WITHIN);
                    Thread.sleep(20);
                }
            }
            long freedMillis = Duration.ofNanos(System.nanoTime() - left).toMillis();
            System.out.printf("client disconnect (abrupt=%s): device idle and acquired by another wallet %d ms"
                    + " after the first left%n", abrupt, freedMillis);

            JsonNode derived = next.call("account.derive", params("session", taken, "scheme", "sr25519",
                    "path", "//polkadot//0", "ss58Format", 0));
            assertThat(derived.get("publicKey").asText())
                    .isEqualTo(DevAccounts.of(KeyScheme.SR25519, "//polkadot//0").publicKey());
            assertThat(simulator.screen().current().input()).isEqualTo(InputKind.NONE);
            assertThat(next.violations()).isEmpty();
        }
    }

    private static Screen awaitScreen(Simulator simulator, InputKind kind, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Screen now = simulator.screen().current();
        while (now.input() != kind) {
            assertThat(System.nanoTime()).as("the device to wait for %s within %s; it shows %s", kind, timeout, now)
                    .isLessThan(deadline);
            Thread.sleep(10);
            now = simulator.screen().current();
        }
        return now;
    }

    private static String awaitDevice(RpcClient client) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonNode list = client.call("device.list", params());
            if (list.size() == 1 && !list.get(0).get("label").isNull()) {
                return list.get(0).get("id").asText();
            }
            assertThat(System.nanoTime()).as("the simulator in device.list; got %s", list).isLessThan(deadline);
            Thread.sleep(25);
        }
    }
}
