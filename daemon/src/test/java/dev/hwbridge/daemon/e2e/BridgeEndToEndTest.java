package dev.hwbridge.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The basic methods through a real WebSocket, against a simulator over real UDP. */
class BridgeEndToEndTest {

    @TempDir
    Path dataDir;

    private Bench bench;
    private RpcClient wallet;

    @BeforeEach
    void start() throws Exception {
        bench = Bench.start(dataDir, Bench.DEV_PHRASE);
        wallet = bench.connect();
    }

    @AfterEach
    void stop() throws Exception {
        bench.close();
    }

    @Test
    void bridgeInfoNamesTheBridgeAndProtocol() throws Exception {
        JsonNode info = wallet.call("bridge.info", (ObjectNode) null);

        assertThat(info.get("name").asText()).isEqualTo("hwbridge");
        assertThat(info.get("protocolVersion").asInt()).isEqualTo(1);
        assertThat(info.get("version").asText()).isNotBlank();
    }

    @Test
    void theSimulatorIsListedWithASmallIdAndNoSession() throws Exception {
        JsonNode device = bench.awaitDevice(wallet);

        assertThat(device.get("id").asText()).isEqualTo("1");
        assertThat(device.get("transport").asText()).isEqualTo("udp");
        assertThat(device.get("label").asText()).isEqualTo("hwbridge simulator");
        assertThat(device.get("session").isNull()).isTrue();
    }

    @Test
    void pingReachesTheSimulatorWithoutASession() throws Exception {
        String device = bench.awaitDevice(wallet).get("id").asText();

        JsonNode echo = wallet.call("device.ping", "{\"device\":\"" + device + "\",\"data\":\"0x68776272\"}");

        assertThat(echo.get("data").asText()).isEqualTo("0x68776272");
    }

    @Test
    void featuresOfThePreloadedDevice() throws Exception {
        String session = bench.acquire(wallet);

        JsonNode features = wallet.call("device.features", "{\"session\":\"" + session + "\"}");

        assertThat(features.get("initialized").asBoolean()).isTrue();
        assertThat(features.get("locked").asBoolean()).isFalse();
        assertThat(features.get("identities").get(0).asText()).isEqualTo("default");
        assertThat(features.get("schemes").toString()).contains("sr25519", "ed25519", "ecdsa");
        assertThat(features.get("deviceId").asText()).isNotBlank();
    }

    @Test
    void deriveGivesThePolkadotJsAddressOfAlice() throws Exception {
        String session = bench.acquire(wallet);

        JsonNode alice = wallet.call("account.derive", "{\"session\":\"" + session
                + "\",\"scheme\":\"sr25519\",\"path\":\"//Alice\",\"ss58Format\":42}");

        JsonNode vector = Vectors.load().get("suriForms").get(0).get("sr25519");
        assertThat(alice.get("publicKey").asText()).isEqualTo(vector.get("publicKey").asText());
        assertThat(alice.get("address").asText()).isEqualTo(vector.get("address42").asText());
        assertThat(alice.get("scheme").asText()).isEqualTo("sr25519");
        assertThat(alice.get("path").asText()).isEqualTo("//Alice");
        assertThat(alice.get("ss58Format").asInt()).isEqualTo(42);
    }

    @Test
    void deriveWithShowWaitsForTheUserAndRelaysThePrompt() throws Exception {
        String session = bench.acquire(wallet);

        var call = wallet.send("account.derive", "{\"session\":\"" + session
                + "\",\"scheme\":\"ed25519\",\"path\":\"//polkadot\",\"ss58Format\":0,\"show\":true}");
        var shown = bench.hand.confirm();
        JsonNode account = RpcClient.result(call);

        assertThat(shown.lines()).contains(account.get("address").asText());
        JsonNode prompt = wallet.awaitNotification("device.prompt");
        assertThat(prompt.get("kind").asText()).isEqualTo("confirm");
        assertThat(prompt.get("session").asText()).isEqualTo(session);
        assertThat(prompt.get("device").asText()).isEqualTo("1");
        assertThat(prompt.get("lines").toString()).contains(account.get("address").asText());
    }

    @Test
    void aPathWithAPasswordIsRefusedWithAHint() throws Exception {
        String session = bench.acquire(wallet);

        JsonNode error = wallet.error("account.derive", "{\"session\":\"" + session
                + "\",\"scheme\":\"sr25519\",\"path\":\"//polkadot///secret\",\"ss58Format\":0}");

        assertThat(error.get("code").asInt()).isEqualTo(RpcError.INVALID_PATH.code());
        assertThat(error.get("message").asText()).contains("passphrase").doesNotContain("secret");
        assertThat(error.get("data").get("field").asText()).isEqualTo("path");
    }

    @Test
    void discoverDerivesEachIndexOfTheTemplate() throws Exception {
        String session = bench.acquire(wallet);

        JsonNode found = wallet.call("account.discover", "{\"session\":\"" + session
                + "\",\"scheme\":\"sr25519\",\"pathTemplate\":\"//polkadot//{i}\",\"from\":2,\"count\":3,\"ss58Format\":0}");
        JsonNode third = wallet.call("account.derive", "{\"session\":\"" + session
                + "\",\"scheme\":\"sr25519\",\"path\":\"//polkadot//3\",\"ss58Format\":0}");

        assertThat(found).hasSize(3);
        assertThat(found.get(0).get("path").asText()).isEqualTo("//polkadot//2");
        assertThat(found.get(1)).isEqualTo(third);
        assertThat(found.get(2).get("path").asText()).isEqualTo("//polkadot//4");
    }

    @Test
    void discoverRefusesTooManyAccountsAtOnce() throws Exception {
        String session = bench.acquire(wallet);

        JsonNode error = wallet.error("account.discover", "{\"session\":\"" + session
                + "\",\"scheme\":\"sr25519\",\"pathTemplate\":\"//{i}\",\"from\":0,\"count\":101,\"ss58Format\":0}");

        assertThat(error.get("code").asInt()).isEqualTo(RpcError.INVALID_PARAMS.code());
        assertThat(error.get("data").get("field").asText()).isEqualTo("count");
    }

    @Test
    void callsWithoutASessionOfThisConnectionAreRefused() throws Exception {
        String session = bench.acquire(wallet);
        RpcClient other = bench.connect();

        JsonNode error = other.error("device.features", "{\"session\":\"" + session + "\"}");

        assertThat(error.get("code").asInt()).isEqualTo(RpcError.NO_SESSION.code());
    }
}
