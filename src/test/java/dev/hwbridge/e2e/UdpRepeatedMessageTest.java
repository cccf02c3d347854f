package dev.hwbridge.e2e;

import static dev.hwbridge.testkit.rpc.RpcClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.app.Daemon;
import dev.hwbridge.daemon.app.DaemonConfig;
import dev.hwbridge.e2e.UdpFaultProxy.Direction;
import dev.hwbridge.e2e.UdpFaultProxy.Rates;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.Simulator;
import dev.hwbridge.simulator.state.KdfParams;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device's whole reply arriving twice (a one-report message, e.g. a PublicKey, repeated by the
 * link): framing cannot see the repeat, so the host must make sure that the stale copy can never
 * be read as the answer to its next request.
 */
class UdpRepeatedMessageTest {

    private static final Set<String> TRANSPORT_ERRORS = Set.of("TIMEOUT", "DEVICE_ERROR", "DEVICE_GONE", "BUSY");

    @TempDir
    Path dataDir;

    @Test
    void aRepeatedReplyIsNeverTakenForTheAnswerToTheNextRequest() throws Exception {
        try (Simulator simulator = Simulator.builder().udpPort(0).automationPort(0).kdf(new KdfParams(64, 1, 1))
                .mnemonic(DevAccounts.PHRASE).start();
             UdpFaultProxy proxy = UdpFaultProxy.start(simulator.udpAddress(), 1, Rates.NONE);
             Daemon daemon = Daemon.start(new DaemonConfig(0, InetAddress.getLoopbackAddress(), List.of(),
                     List.of(proxy.address()), dataDir, false, false, false));
             RpcClient wallet = RpcClient.connect(daemon.webSocketUri())) {
            String device = awaitDevice(wallet);
            String session = wallet.call("session.acquire", params("device", device)).get("session").asText();
            // Every datagram from the device arrives twice, right after each other.
            proxy.rates(Direction.TO_HOST, new Rates(0, 1, 0, 1, true));

            List<String> wrong = new ArrayList<>();
            List<String> untyped = new ArrayList<>();
            int right = 0;
            for (int i = 0; i < 20; i++) {
                String path = "//polkadot//" + i;
                JsonNode reply = wallet.send("account.derive", params("session", session, "scheme", "sr25519",
                        "path", path, "ss58Format", 0)).get();
                if (reply.has("error")) {
                    String name = RpcClient.errorName(reply.get("error"));
                    if (!TRANSPORT_ERRORS.contains(name)) {
                        untyped.add(path + ": " + reply.get("error"));
                    }
                    continue;
                }
                String key = reply.get("result").get("publicKey").asText();
                if (key.equals(DevAccounts.of(KeyScheme.SR25519, path).publicKey())) {
                    right++;
                } else {
                    wrong.add(path + " gave the key of " + pathOf(key));
                }
            }
            System.out.printf("repeated replies: %d right, %d wrong of 20 (%s)%n", right, wrong.size(), proxy.summary());

            assertThat(wrong).as("answers that belong to an earlier request").isEmpty();
            assertThat(untyped).isEmpty();
            assertThat(right).as("the device still answers").isPositive();
        }
    }

    private static String pathOf(String publicKey) {
        for (int i = 0; i < 20; i++) {
            if (DevAccounts.of(KeyScheme.SR25519, "//polkadot//" + i).publicKey().equals(publicKey)) {
                return "//polkadot//" + i;
            }
        }
        return "no path asked for";
    }

    private static String awaitDevice(RpcClient client) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
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
