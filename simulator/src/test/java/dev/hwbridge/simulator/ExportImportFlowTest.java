package dev.hwbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.SignPayload;
import dev.hwbridge.simulator.keys.Signatures;
import dev.hwbridge.simulator.keystore.DecryptedAccount;
import dev.hwbridge.simulator.keystore.JsonKeystore;
import dev.hwbridge.simulator.screen.Screen;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.Exchange;
import dev.hwbridge.simulator.testing.Requests;
import dev.hwbridge.simulator.testing.ScreenDriver;
import dev.hwbridge.simulator.testing.SimHost;
import dev.hwbridge.simulator.testing.Vectors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Encrypted JSON export (with its warning) and import, through the real UDP transport. */
class ExportImportFlowTest {

    private static final JsonNode ALICE = Vectors.mnemonic("dev").path("derivations").get(2);
    private static final String VECTOR_PASSWORD = Vectors.ROOT.path("constants").path("jsonPassword").asText();

    private Simulator device;
    private SimHost host;
    private ScreenDriver user;

    @BeforeEach
    void start() throws Exception {
        device = Devices.builder().mnemonic(Vectors.DEV_PHRASE).start();
        host = SimHost.connect(device.udpPort());
        user = new ScreenDriver(device.screen());
    }

    @AfterEach
    void stop() {
        host.close();
        device.close();
    }

    @Test
    void anExportedFileDecryptsWithJsonKeystoreToTheSameKey() throws Exception {
        CompletableFuture<Exchange> pending = host.callAsync(
                Requests.export(KeyScheme.SR25519, "//Alice", "correct horse battery", "Alice"));
        Screen warning = user.confirm("Export account");
        String json = pending.get(60, TimeUnit.SECONDS).response().getEncryptedJson().getJson();

        assertThat(warning.lines()).startsWith("The key will leave the device",
                ALICE.path("sr25519").path("addresses").path("0").asText());
        try (DecryptedAccount account = JsonKeystore.decrypt(json, JsonKeystore.passwordBytes("correct horse battery"))) {
            assertThat(account.publicKey()).isEqualTo(Vectors.bytes(ALICE.path("sr25519").path("publicKey")));
            assertThat(account.meta().path("name").asText()).isEqualTo("Alice");
            assertThat(account.secret()).hasSize(64);
        }
    }

    @Test
    void anEd25519ExportCarriesPolkadotJsSecret() throws Exception {
        CompletableFuture<Exchange> pending = host.callAsync(Requests.export(KeyScheme.ED25519, "//Alice", "pw", ""));
        user.confirm("Export account");
        String json = pending.get(60, TimeUnit.SECONDS).response().getEncryptedJson().getJson();
        try (DecryptedAccount account = JsonKeystore.decrypt(json, JsonKeystore.passwordBytes("pw"))) {
            assertThat(Hex.toHex(account.secret())).isEqualTo(ALICE.path("ed25519").path("secretKey").asText());
        }
    }

    @Test
    void aRejectedExportAndOneWithoutPasswordGiveNothing() throws Exception {
        assertThat(host.call(Requests.export(KeyScheme.SR25519, "", "", "x")).failureCode())
                .isEqualTo(Failure.Code.INVALID_REQUEST);
        CompletableFuture<Exchange> pending = host.callAsync(Requests.export(KeyScheme.SR25519, "", "pw", ""));
        user.reject("Export account");
        assertThat(pending.get(30, TimeUnit.SECONDS).failureCode()).isEqualTo(Failure.Code.USER_REJECTED);
    }

    @Test
    void anImportedFileBecomesAnIdentityThatSigns() throws Exception {
        JsonNode vector = Vectors.ROOT.path("jsonExports").path("sr25519");
        byte[] publicKey = Vectors.bytes(vector.path("publicKey"));
        CompletableFuture<Exchange> pending = host.callAsync(
                Requests.importJson(vector.path("toJsonEncrypted").toString(), VECTOR_PASSWORD, ""));
        Screen shown = user.confirm("Import account");
        Exchange result = pending.get(60, TimeUnit.SECONDS);

        assertThat(shown.lines()).contains(vector.path("toJsonEncrypted").path("address").asText(),
                "as identity vector-sr25519");
        assertThat(result.response().getPublicKey().getPublicKey().toByteArray()).isEqualTo(publicKey);
        assertThat(host.call(Requests.features()).response().getFeatures().getIdentitiesList())
                .containsExactly("default", "vector-sr25519");

        CompletableFuture<Exchange> signing = host.callAsync(Requests.request(
                Requests.sign(KeyScheme.SR25519, "", SignPayload.Kind.TRANSACTION, new byte[] {1, 2, 3})
                        .setIdentity("vector-sr25519")));
        user.confirm("Blind signing");
        user.confirm("Sign transaction");
        byte[] signature = signing.get(30, TimeUnit.SECONDS).response().getSignature().getSignature().toByteArray();
        assertThat(Signatures.verify(dev.hwbridge.protocol.account.KeyScheme.SR25519, publicKey, new byte[] {1, 2, 3},
                signature)).isTrue();
        assertThat(host.call(Requests.request(Requests.derive(KeyScheme.ED25519, "").setIdentity("vector-sr25519")))
                .failureCode()).isEqualTo(Failure.Code.UNSUPPORTED_SCHEME);
        assertThat(host.call(Requests.request(Requests.derive(KeyScheme.SR25519, "").setIdentity("vector-sr25519")
                .setAskPassword(true))).failureCode()).isEqualTo(Failure.Code.INVALID_REQUEST);
    }

    @Test
    void importFailuresAreTyped() throws Exception {
        String json = Vectors.ROOT.path("jsonExports").path("ed25519").path("toJsonEncrypted").toString();
        assertThat(host.call(Requests.importJson(json, "wrong", "")).failureCode()).isEqualTo(Failure.Code.WRONG_PASSWORD);
        assertThat(host.call(Requests.importJson("{\"not\":\"a file\"}", "pw", "")).failureCode())
                .isEqualTo(Failure.Code.INVALID_JSON);
        assertThat(host.call(Requests.importJson(json, VECTOR_PASSWORD, "default")).failureCode())
                .isEqualTo(Failure.Code.ALREADY_INITIALIZED);
        CompletableFuture<Exchange> pending = host.callAsync(Requests.importJson(json, VECTOR_PASSWORD, "ed"));
        user.reject("Import account");
        assertThat(pending.get(60, TimeUnit.SECONDS).failureCode()).isEqualTo(Failure.Code.USER_REJECTED);
        assertThat(host.call(Requests.features()).response().getFeatures().getIdentitiesList()).containsExactly("default");
    }

    @Test
    void anEmptyDeviceRefusesAnImport() throws Exception {
        try (Simulator empty = Devices.builder().start(); SimHost other = SimHost.connect(empty.udpPort())) {
            String json = Vectors.ROOT.path("jsonExports").path("ed25519").path("toJsonEncrypted").toString();
            assertThat(other.call(Requests.importJson(json, VECTOR_PASSWORD, "")).failureCode())
                    .isEqualTo(Failure.Code.NOT_INITIALIZED);
        }
    }
}
