package dev.hwbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.message.ApplySettings;
import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.SignPayload;
import dev.hwbridge.simulator.keys.KeyPair;
import dev.hwbridge.simulator.keys.Keys;
import dev.hwbridge.simulator.keys.SecretUri;
import dev.hwbridge.simulator.keys.Signatures;
import dev.hwbridge.simulator.screen.Button;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.screen.Screen;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.Exchange;
import dev.hwbridge.simulator.testing.Requests;
import dev.hwbridge.simulator.testing.ScreenDriver;
import dev.hwbridge.simulator.testing.TestHost;
import dev.hwbridge.simulator.testing.Vectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clear signing on the device (PROTOCOL.md §10) with the RFC-0078 reference proofs: verified
 * transactions shown page by page, proofs that do not check out refused with the reason, blind
 * signing behind a warning, and the setting that turns it off.
 */
class ClearSigningFlowTest {

    private static final JsonNode PROOFS = load();

    private Simulator device;
    private TestHost host;
    private ScreenDriver user;

    @BeforeEach
    void start() throws Exception {
        device = Devices.builder().mnemonic(Vectors.DEV_PHRASE).start();
        host = TestHost.connect(device.udpPort());
        user = new ScreenDriver(device.screen());
    }

    @AfterEach
    void stop() {
        host.close();
        device.close();
    }

    private static JsonNode load() {
        try (InputStream in = ClearSigningFlowTest.class.getResourceAsStream("/metadata/proofs.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode vector(String name) {
        for (JsonNode entry : PROOFS) {
            if (entry.get("name").asText().equals(name)) {
                return entry;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static Request sign(byte[] payload, byte[] proof) {
        return Requests.request(Requests.sign(KeyScheme.ED25519, "//polkadot", SignPayload.Kind.TRANSACTION, payload)
                .setMetadataProof(ByteString.copyFrom(proof)));
    }

    private static byte[] bytes(JsonNode vector, String field) {
        return Hex.fromHex(vector.get(field).asText());
    }

    /** Confirms every page until the device stops asking; returns the pages as shown. */
    private List<Screen> confirmEveryPage(CompletableFuture<Exchange> pending) {
        List<Screen> pages = new ArrayList<>();
        Screen previous = null;
        while (!pending.isDone()) {
            Screen last = previous;
            Screen shown = user.await(s -> s != last && s.input() == InputKind.CONFIRM || pending.isDone(), "a page");
            if (pending.isDone()) {
                break;
            }
            pages.add(shown);
            device.screen().press(Button.CONFIRM);
            previous = shown;
        }
        return pages;
    }

    private static boolean verifies(byte[] payload, byte[] signature) {
        try (KeyPair pair = Keys.fromUri(dev.hwbridge.protocol.account.KeyScheme.ED25519,
                SecretUri.parse(Vectors.DEV_PHRASE + "//polkadot"))) {
            byte[] message = payload.length > 256 ? Blake2b.hash256(payload) : payload;
            return Signatures.verify(dev.hwbridge.protocol.account.KeyScheme.ED25519, pair.publicKey(), message, signature);
        }
    }

    @Test
    void aVerifiedTransferIsShownPageByPageThenSigned() throws Exception {
        JsonNode vector = vector("polkadot-transfer-keep-alive-tip");
        byte[] payload = bytes(vector, "payloadHex");

        CompletableFuture<Exchange> pending = host.callAsync(sign(payload, bytes(vector, "proofHex")));
        List<Screen> pages = confirmEveryPage(pending);
        Exchange result = pending.get(30, TimeUnit.SECONDS);

        assertThat(pages).extracting(Screen::title).containsExactly(
                "Chain", "Account", "Balances.transfer_keep_alive", "Transaction", "Sign transaction");
        assertThat(pages.get(0).lines()).containsExactly("polkadot", "spec version 2000000");
        assertThat(pages.get(1).lines()).containsExactly("15P5UXVFhfSQYKMEHEc5zwsDiJqhnsSeaUBVUKw4dskCDGXv",
                "ed25519 //polkadot");
        assertThat(pages.get(2).lines()).containsExactly("dest: 128vLZaJq5DUArT9TDsQ61pu6PapQUrSQdSzaMx1C6W89jZt",
                "value: 16.8229343461 DOT");
        assertThat(pages.get(3).lines()).containsExactly("mortality: mortal, period 32, phase 31", "nonce: 1924",
                "tip: 0.0001234567 DOT");
        assertThat(pages.get(4).lines()).containsExactly("Balances.transfer_keep_alive", "on polkadot 2000000",
                "metadata " + vector.get("metadataHash").asText());
        assertThat(result.interims()).filteredOn(Response::hasProgress).hasSize(5);
        assertThat(result.interims()).filteredOn(Response::hasButtonRequest)
                .allSatisfy(r -> assertThat(r.getButtonRequest().getKind()).isEqualTo(ButtonRequest.Kind.SIGN));
        assertThat(verifies(payload, result.response().getSignature().getSignature().toByteArray())).isTrue();
    }

    @Test
    void aBatchShowsEveryNestedCallOnPagesOfItsOwn() throws Exception {
        JsonNode vector = vector("kusama-batch-all-transfers");

        CompletableFuture<Exchange> pending = host.callAsync(sign(bytes(vector, "payloadHex"), bytes(vector, "proofHex")));
        List<Screen> pages = confirmEveryPage(pending);
        pending.get(30, TimeUnit.SECONDS);

        List<String> callLines = pages.stream().filter(p -> p.title().equals("Utility.batch_all"))
                .flatMap(p -> p.lines().stream()).toList();
        assertThat(callLines).hasSize(10).contains("    dest: JMEsRsiKKDaHKaE8AiA7NBLjZxoQ75JfztevCn74avPzEDu",
                "    value: 0.08039349526 KSM");
        assertThat(Ss58.decode(pages.get(1).lines().get(0)).prefix().value()).as("the chain's own SS58 format")
                .isEqualTo(2);
    }

    @Test
    void aTamperedProofIsRefusedWithTheReasonBeforeAnythingIsShown() {
        JsonNode vector = vector("polkadot-transfer-keep-alive");
        byte[] proof = bytes(vector, "proofHex");
        proof[proof.length / 2] ^= 1;

        Exchange result = host.call(sign(bytes(vector, "payloadHex"), proof));

        assertThat(result.failureCode()).isEqualTo(Failure.Code.METADATA_MISMATCH);
        assertThat(result.response().getFailure().getMessage()).startsWith("the metadata proof does not check out: ");
        assertThat(result.interims()).isEmpty();
    }

    @Test
    void aPayloadSigningAnotherMetadataHashIsRefused() {
        JsonNode vector = vector("polkadot-transfer-keep-alive");
        byte[] payload = bytes(vector, "payloadHex");
        payload[payload.length - 1] ^= 1;

        Exchange result = host.call(sign(payload, bytes(vector, "proofHex")));

        assertThat(result.failureCode()).isEqualTo(Failure.Code.METADATA_MISMATCH);
        assertThat(result.response().getFailure().getMessage()).contains("HASH_MISMATCH");
    }

    @Test
    void rejectingAnyPageSignsNothing() throws Exception {
        JsonNode vector = vector("polkadot-transfer-keep-alive");
        CompletableFuture<Exchange> pending = host.callAsync(sign(bytes(vector, "payloadHex"), bytes(vector, "proofHex")));

        user.confirm("Chain");
        user.reject("Account");

        assertThat(pending.get(30, TimeUnit.SECONDS).failureCode()).isEqualTo(Failure.Code.USER_REJECTED);
    }

    @Test
    void withoutAProofAWarningComesBeforeTheHashScreen() throws Exception {
        byte[] payload = bytes(vector("polkadot-transfer-keep-alive"), "payloadHex");
        CompletableFuture<Exchange> pending = host.callAsync(sign(payload, new byte[0]));

        Screen warning = user.confirm("Blind signing");
        Screen hash = user.confirm("Sign transaction");
        Exchange result = pending.get(30, TimeUnit.SECONDS);

        assertThat(warning.lines()).first().isEqualTo("This device cannot show what this transaction does");
        assertThat(hash.lines()).contains("blake2b-256 " + Hex.toHex(Blake2b.hash256(payload)));
        assertThat(result.interims()).filteredOn(Response::hasButtonRequest).extracting(r -> r.getButtonRequest().getKind())
                .containsExactly(ButtonRequest.Kind.WARNING, ButtonRequest.Kind.SIGN);
        assertThat(verifies(payload, result.response().getSignature().getSignature().toByteArray())).isTrue();
    }

    @Test
    void theHashScreenNamesTheExtensionsTheHostReadAsEmpty() throws Exception {
        byte[] payload = bytes(vector("polkadot-transfer-keep-alive"), "payloadHex");
        Request request = Requests.request(Requests.sign(KeyScheme.ED25519, "//polkadot", SignPayload.Kind.TRANSACTION,
                payload).addUnknownExtensions("StorageWeightReclaim").addUnknownExtensions("Other"));
        CompletableFuture<Exchange> pending = host.callAsync(request);

        user.confirm("Blind signing");
        Screen hash = user.confirm("Sign transaction");
        pending.get(30, TimeUnit.SECONDS);

        assertThat(hash.lines()).last().isEqualTo("read as empty by the host: StorageWeightReclaim, Other");
    }

    @Test
    void blindSigningTurnedOffOnTheDeviceRefusesTransactionsWithoutAProofOnly() throws Exception {
        Request off = Request.newBuilder().setApplySettings(ApplySettings.newBuilder().setBlindSigning(false)).build();
        CompletableFuture<Exchange> changing = host.callAsync(off);
        user.confirm("Turn blind signing off?");
        assertThat(changing.get(30, TimeUnit.SECONDS).response().getFeatures().getBlindSigningDisabled()).isTrue();
        JsonNode vector = vector("polkadot-transfer-keep-alive");

        Exchange blind = host.call(sign(bytes(vector, "payloadHex"), new byte[0]));
        CompletableFuture<Exchange> raw = host.callAsync(Requests.request(
                Requests.sign(KeyScheme.ED25519, "//polkadot", SignPayload.Kind.RAW, new byte[] {1, 2, 3})));
        user.confirm("Sign message");

        assertThat(blind.failureCode()).isEqualTo(Failure.Code.BLIND_SIGNING_DISABLED);
        assertThat(blind.interims()).isEmpty();
        assertThat(raw.get(30, TimeUnit.SECONDS).response().hasSignature()).isTrue();
        assertThat(host.call(Requests.features()).response().getFeatures().getBlindSigningDisabled()).isTrue();
    }

    @Test
    void aSettingChangesOnlyWithTheUsersConfirmation() throws Exception {
        Request off = Request.newBuilder().setApplySettings(ApplySettings.newBuilder().setBlindSigning(false)).build();
        CompletableFuture<Exchange> changing = host.callAsync(off);
        user.reject("Turn blind signing off?");
        assertThat(changing.get(30, TimeUnit.SECONDS).failureCode()).isEqualTo(Failure.Code.USER_REJECTED);

        Exchange unchanged = host.call(Request.newBuilder().setApplySettings(ApplySettings.getDefaultInstance()).build());

        assertThat(unchanged.response().getFeatures().getBlindSigningDisabled()).isFalse();
        assertThat(unchanged.interims()).as("asking changes nothing and asks nothing").isEmpty();
    }
}
