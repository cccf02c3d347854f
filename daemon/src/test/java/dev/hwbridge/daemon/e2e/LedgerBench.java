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

/**
 * The daemon with the simulator's Ledger personality on its Speculos transport (phrase {@link
 * Bench#DEV_PHRASE}) and one wallet connected: what the Ledger end-to-end tests share.
 */
final class LedgerBench implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final LedgerSimulator ledger;
    private final Daemon daemon;
    private final RpcClient wallet;

    private LedgerBench(LedgerSimulator ledger, Daemon daemon, RpcClient wallet) {
        this.ledger = ledger;
        this.daemon = daemon;
        this.wallet = wallet;
    }

    static LedgerBench start(Path dataDir) throws Exception {
        LedgerSimulator ledger = LedgerSimulator.start(Bench.DEV_PHRASE, 0, 0);
        Daemon daemon = null;
        try {
            daemon = Daemon.start(new DaemonConfig(0, InetAddress.getLoopbackAddress(), List.of(), List.of(), dataDir,
                    false, false, false, DaemonConfig.DEFAULT_CALLS_PER_SECOND, List.of(ledger.apduAddress())));
            return new LedgerBench(ledger, daemon, RpcClient.connect(daemon.webSocketUri()));
        } catch (Exception | Error e) {
            if (daemon != null) {
                daemon.close();
            }
            ledger.close();
            throw e;
        }
    }

    LedgerSimulator ledger() {
        return ledger;
    }

    Daemon daemon() {
        return daemon;
    }

    RpcClient wallet() {
        return wallet;
    }

    /** A session on the Ledger. */
    String acquire() throws Exception {
        String id = awaitLedger().get("id").asText();
        return wallet.call("session.acquire", params("device", id)).get("session").asText();
    }

    /** Waits until device.list shows the Ledger with its app version fetched. */
    JsonNode awaitLedger() throws Exception {
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

    /** Registers Polkadot's metadata (src/vectors) with the daemon. */
    void addPolkadotMetadata() throws Exception {
        Bench.addPolkadotMetadata(wallet);
    }

    @Override
    public void close() throws Exception {
        try {
            wallet.close();
            daemon.close();
        } finally {
            ledger.close();
        }
    }
}
