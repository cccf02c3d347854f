package dev.hwbridge.daemon.e2e;

import static dev.hwbridge.testkit.rpc.RpcClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.app.Daemon;
import dev.hwbridge.daemon.app.DaemonConfig;
import dev.hwbridge.simulator.ledger.LedgerSimulator;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon with the simulator's Ledger personality over the Speculos transport
 * ({@code --speculos}): listed as a Ledger, held through sessions, its own flows refused as
 * UNSUPPORTED, and its stop seen as an unplug.
 */
class LedgerEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private LedgerSimulator ledger;
    private Daemon daemon;
    private RpcClient wallet;

    @BeforeEach
    void start() throws Exception {
        ledger = LedgerSimulator.start(Bench.DEV_PHRASE, 0, 0);
        daemon = Daemon.start(new DaemonConfig(0, InetAddress.getLoopbackAddress(), List.of(), List.of(), dataDir,
                false, false, false, DaemonConfig.DEFAULT_CALLS_PER_SECOND, List.of(ledger.apduAddress())));
        wallet = RpcClient.connect(daemon.webSocketUri());
    }

    @AfterEach
    void stop() throws Exception {
        try {
            wallet.close();
            daemon.close();
        } finally {
            ledger.close();
        }
    }

    @Test
    void theLedgerIsListedByKindAppVersionAndSchemesOnTcp() throws Exception {
        JsonNode device = awaitLedger();

        assertThat(device.get("kind").asText()).isEqualTo("ledger");
        assertThat(device.get("transport").asText()).isEqualTo("tcp");
        assertThat(device.get("appVersion").asText()).isEqualTo("100.0.0");
        assertThat(device.get("schemes").toString()).isEqualTo("[\"ed25519\",\"ecdsa\"]");
        assertThat(device.get("session").isNull()).isTrue();
    }

    @Test
    void featuresSayTheLedgerNeverSignsBlind() throws Exception {
        String session = acquire();

        JsonNode features = wallet.call("device.features", params("session", session));

        assertThat(features.get("blindSigning").asBoolean()).isFalse();
        assertThat(features.get("initialized").asBoolean()).isTrue();
        assertThat(features.get("firmwareVersion").asText()).isEqualTo("100.0.0");
    }

    @Test
    void wipingAndSettingUpAreUnsupportedWithASentence() throws Exception {
        String session = acquire();

        JsonNode wipe = wallet.error("device.wipe", params("session", session));

        assertThat(RpcClient.errorName(wipe)).isEqualTo("UNSUPPORTED");
        assertThat(wipe.get("code").asInt()).isEqualTo(1022);
        assertThat(wipe.get("message").asText()).contains("on the Ledger itself");
        assertThat(wallet.call("device.ping", params("device", awaitLedger().get("id").asText())).get("data").asText())
                .as("the Ledger still answers after the refusal").isEqualTo("0x");
    }

    @Test
    void stoppingTheEmulatorIsAnUnplug() throws Exception {
        wallet.call("device.subscribe", params());
        String session = acquire();

        ledger.close();

        JsonNode detached = wallet.awaitNotification("device.detached", p -> true, WAIT);
        assertThat(detached.get("kind").asText()).isEqualTo("ledger");
        JsonNode ended = wallet.awaitNotification("session.ended", p -> true, WAIT);
        assertThat(ended.get("session").asText()).isEqualTo(session);
        assertThat(wallet.call("device.list", params())).isEmpty();
    }

    private String acquire() throws Exception {
        String id = awaitLedger().get("id").asText();
        return wallet.call("session.acquire", params("device", id)).get("session").asText();
    }

    /** Waits until device.list shows the Ledger with its app version fetched. */
    private JsonNode awaitLedger() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonNode list = wallet.call("device.list", params());
            if (list.size() == 1 && !list.get(0).get("appVersion").isNull()) {
                return list.get(0);
            }
            assertThat(System.nanoTime()).as("the Ledger in device.list; got %s", list).isLessThan(deadline);
            Thread.sleep(25);
        }
    }
}
