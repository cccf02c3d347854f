package dev.hwbridge.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.app.Daemon;
import dev.hwbridge.daemon.app.DaemonConfig;
import dev.hwbridge.daemon.testing.ChainVectors;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.simulator.Simulator;
import dev.hwbridge.simulator.state.KdfParams;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A daemon on an ephemeral port, watching one simulated device over real UDP, and WebSocket
 * clients to it: what every end-to-end test starts from. Close it to stop everything.
 */
final class Bench implements AutoCloseable {

    /** polkadot-js's development phrase (the reference vectors use it). */
    static final String DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
    /** Another valid phrase, for "a device with a different seed". */
    static final String OTHER_PHRASE = "legal winner thank year wave sausage worth useful legal winner thank yellow";

    private static final KdfParams CHEAP_KDF = new KdfParams(64, 1, 1);

    final Path dataDir;
    final Simulator simulator;
    final DeviceHand hand;
    final Daemon daemon;
    private final List<RpcClient> clients = new ArrayList<>();

    private Bench(Path dataDir, Simulator simulator, Daemon daemon) {
        this.dataDir = dataDir;
        this.simulator = simulator;
        this.hand = new DeviceHand(simulator.screen());
        this.daemon = daemon;
    }

    /** A simulator preloaded with {@code phrase} (no PIN, unlocked) and a daemon that watches it. */
    static Bench start(Path dataDir, String phrase) throws Exception {
        return start(dataDir, startSimulator(phrase));
    }

    /** A daemon that watches {@code simulator}, which the bench then owns. */
    static Bench start(Path dataDir, Simulator simulator) throws Exception {
        try {
            DaemonConfig config = new DaemonConfig(0, InetAddress.getLoopbackAddress(), List.of(),
                    List.of(simulator.udpAddress()), dataDir, false, false, false);
            return new Bench(dataDir, simulator, Daemon.start(config));
        } catch (Exception | Error e) {
            simulator.close();
            throw e;
        }
    }

    /** Registers Polkadot's metadata (src/vectors) with the daemon {@code wallet} is connected to. */
    static void addPolkadotMetadata(RpcClient wallet) throws Exception {
        ObjectNode add = RpcClient.JSON.createObjectNode()
                .put("genesisHash", ChainVectors.POLKADOT_GENESIS)
                .put("metadata", Hex.toHex(ChainVectors.metadata(ChainVectors.POLKADOT)))
                .put("tokenDecimals", 10)
                .put("tokenSymbol", "DOT");
        wallet.call("chain.addMetadata", add.toString());
    }

    static Simulator startSimulator(String phrase) throws Exception {
        return simulator().mnemonic(phrase).start();
    }

    /** A simulator on free ports with a cheap state key, to be customised and started. */
    static Simulator.Builder simulator() {
        return Simulator.builder().udpPort(0).automationPort(0).kdf(CHEAP_KDF);
    }

    /** A new WebSocket connection, closed with the bench. */
    RpcClient connect() throws Exception {
        RpcClient client = RpcClient.connect(daemon.webSocketUri());
        clients.add(client);
        return client;
    }

    /** A new WebSocket connection with these handshake headers (e.g. Origin), closed with the bench. */
    RpcClient connect(Map<String, String> headers) throws Exception {
        RpcClient client = RpcClient.connect(daemon.webSocketUri(), headers);
        clients.add(client);
        return client;
    }

    /** Waits until device.list shows the simulator, and returns its entry. */
    JsonNode awaitDevice(RpcClient client) throws Exception {
        for (int i = 0; i < 200; i++) {
            JsonNode list = client.call("device.list", "{}");
            if (list.size() == 1 && !list.get(0).get("label").isNull()) {
                return list.get(0);
            }
            Thread.sleep(25);
        }
        assertThat(client.call("device.list", "{}")).as("the simulator in device.list").hasSize(1);
        return client.call("device.list", "{}").get(0);
    }

    /** Acquires the device for {@code client}; returns the session id. */
    String acquire(RpcClient client) throws Exception {
        String id = awaitDevice(client).get("id").asText();
        return client.call("session.acquire", "{\"device\":\"" + id + "\"}").get("session").asText();
    }

    @Override
    public void close() throws Exception {
        try {
            for (RpcClient client : clients) {
                client.close();
            }
        } finally {
            try {
                daemon.close();
            } finally {
                simulator.close();
            }
        }
    }
}
