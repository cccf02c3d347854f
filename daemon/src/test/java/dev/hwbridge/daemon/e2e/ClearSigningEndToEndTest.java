package dev.hwbridge.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.testing.ChainVectors;
import dev.hwbridge.daemon.testing.VectorPayloads;
import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.screen.Screen;
import dev.hwbridge.simulator.keys.Signatures;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * account.sign with a chain's metadata held by the daemon (API.md "account.sign"): the proof made
 * and verified on the device, the daemon enabling CheckMetadataHash when the dapp lets it, the
 * signed extrinsic returned, and every way a mismatch is refused with nothing signed.
 */
class ClearSigningEndToEndTest {

    @TempDir
    Path dataDir;

    private static final JsonNode VECTOR = ChainVectors.proof("polkadot-transfer-keep-alive-tip");
    private static final Merkleizer POLKADOT = VectorPayloads.merkleizer(VECTOR);

    private Bench bench;
    private RpcClient wallet;
    private String session;
    private String address;
    private byte[] publicKey;

    @BeforeEach
    void start() throws Exception {
        bench = Bench.start(dataDir, Bench.DEV_PHRASE);
        wallet = bench.connect();
        session = bench.acquire(wallet);
        JsonNode account = wallet.call("account.derive", "{\"session\":\"" + session + "\",\"scheme\":\"sr25519\","
                + "\"path\":\"//polkadot//0\",\"ss58Format\":0,\"name\":\"Savings\"}");
        address = account.get("address").asText();
        publicKey = Hex.fromHex(account.get("publicKey").asText());
        Bench.addPolkadotMetadata(wallet);
    }

    @AfterEach
    void stop() throws Exception {
        bench.close();
    }

    private ObjectNode payload() {
        return VectorPayloads.signerPayload(VECTOR, POLKADOT, address);
    }

    private CompletableFuture<JsonNode> sign(ObjectNode signerPayload, String extra) {
        return wallet.send("account.sign", "{\"session\":\"" + session + "\",\"address\":\"" + address
                + "\",\"signerPayload\":" + signerPayload + extra + "}");
    }

    /** Confirms the device's pages until the call ends; returns them. */
    private List<Screen> confirmPages(CompletableFuture<JsonNode> call) throws Exception {
        List<Screen> pages = new ArrayList<>();
        while (!call.isDone()) {
            Screen now = bench.simulator.screen().current();
            if (now.input() == InputKind.CONFIRM) {
                pages.add(bench.hand.confirm());
            } else {
                Thread.sleep(10);
            }
        }
        return pages;
    }

    private boolean verifies(byte[] signingPayload, JsonNode result) {
        byte[] message = signingPayload.length > 256 ? Blake2b.hash256(signingPayload) : signingPayload;
        return Signatures.verify(KeyScheme.SR25519, publicKey, message, Hex.fromHex(result.get("signature").asText()));
    }

    @Test
    void aPayloadWithTheHashEnabledIsVerifiedAndShownOnTheDevice() throws Exception {
        CompletableFuture<JsonNode> call = sign(payload(), "");
        List<Screen> pages = confirmPages(call);
        JsonNode result = RpcClient.result(call);

        assertThat(pages).extracting(Screen::title).containsExactly(
                "Chain", "Account", "Balances.transfer_keep_alive", "Transaction", "Sign transaction");
        assertThat(pages.get(1).lines().get(0)).isEqualTo(address);
        assertThat(pages.get(2).lines()).containsExactly("dest: 128vLZaJq5DUArT9TDsQ61pu6PapQUrSQdSzaMx1C6W89jZt",
                "value: 16.8229343461 DOT");
        assertThat(verifies(Hex.fromHex(VECTOR.get("payloadHex").asText()), result)).isTrue();
        assertThat(result.get("signerPayload")).isEqualTo(payload());
        assertThat(result.has("signedTransaction")).isFalse();
    }

    @Test
    void withSignedTransactionTheDaemonEnablesTheHashAndReturnsTheSignedExtrinsic() throws Exception {
        ObjectNode given = payload().put("mode", 0).put("withSignedTransaction", true);
        given.remove("metadataHash");

        CompletableFuture<JsonNode> call = sign(given, "");
        List<Screen> pages = confirmPages(call);
        JsonNode result = RpcClient.result(call);

        assertThat(pages).hasSize(5);
        JsonNode signed = result.get("signerPayload");
        assertThat(signed.get("mode").asInt()).isEqualTo(1);
        assertThat(signed.get("metadataHash").asText()).isEqualTo(VECTOR.get("metadataHash").asText());
        assertThat(verifies(Hex.fromHex(VECTOR.get("payloadHex").asText()), result)).isTrue();
        byte[] extrinsic = Hex.fromHex(result.get("signedTransaction").asText());
        byte[] call1 = Hex.fromHex(VECTOR.get("callHex").asText());
        byte[] multi = Hex.fromHex(result.get("multiSignature").asText());
        // Compact length (two bytes here), 0x84, MultiAddress::Id, MultiSignature, extra, call.
        assertThat(extrinsic[2]).isEqualTo((byte) 0x84);
        assertThat(extrinsic[3]).isZero();
        assertThat(Arrays.copyOfRange(extrinsic, 4, 36)).isEqualTo(Ss58.decode(address).accountId());
        assertThat(Arrays.copyOfRange(extrinsic, 36, 36 + multi.length)).isEqualTo(multi);
        assertThat(Arrays.copyOfRange(extrinsic, extrinsic.length - call1.length, extrinsic.length)).isEqualTo(call1);
        assertThat(((extrinsic[0] & 0xff) | (extrinsic[1] & 0xff) << 8) >> 2).isEqualTo(extrinsic.length - 2);
    }

    @Test
    void modeZeroWithoutWithSignedTransactionIsSignedAsGivenBlind() throws Exception {
        ObjectNode given = payload().put("mode", 0);
        given.remove("metadataHash");

        CompletableFuture<JsonNode> call = sign(given, "");
        List<Screen> pages = confirmPages(call);
        JsonNode result = RpcClient.result(call);

        assertThat(pages).extracting(Screen::title).containsExactly("Blind signing", "Sign transaction");
        assertThat(result.get("signerPayload")).isEqualTo(given);
        assertThat(result.has("signedTransaction")).isFalse();
    }

    @Test
    void aHashThatIsNotTheRegisteredDigestIsAMismatchAndNothingIsAsked() throws Exception {
        ObjectNode given = payload().put("metadataHash", "0x" + "11".repeat(32));

        JsonNode error = RpcClient.error(sign(given, ""));

        assertThat(error.get("code").asInt()).isEqualTo(RpcError.METADATA_MISMATCH.code());
        assertThat(bench.simulator.screen().current().input()).isEqualTo(InputKind.NONE);
    }

    @Test
    void aTamperedProofFromTheClientIsRefusedByTheDevice() throws Exception {
        byte[] proof = Hex.fromHex(VECTOR.get("proofHex").asText());
        proof[proof.length / 3] ^= 1;

        JsonNode error = RpcClient.error(sign(payload(), ",\"metadataProof\":\"" + Hex.toHex(proof) + "\""));

        assertThat(error.get("code").asInt()).isEqualTo(RpcError.METADATA_MISMATCH.code());
        assertThat(error.get("message").asText()).contains("metadata proof does not check out");
    }

    @Test
    void theClientsOwnProofIsUsedWhenItChecksOut() throws Exception {
        CompletableFuture<JsonNode> call = sign(payload(), ",\"metadataProof\":\"" + VECTOR.get("proofHex").asText() + "\"");
        List<Screen> pages = confirmPages(call);

        assertThat(pages).hasSize(5);
        assertThat(verifies(Hex.fromHex(VECTOR.get("payloadHex").asText()), RpcClient.result(call))).isTrue();
    }

    @Test
    void aSpecVersionTheDaemonDoesNotHoldIsOutdatedWithAHint() throws Exception {
        ObjectNode given = payload().put("specVersion", 2000001);

        JsonNode error = RpcClient.error(sign(given, ""));

        assertThat(error.get("code").asInt()).isEqualTo(RpcError.METADATA_OUTDATED.code());
        assertThat(error.get("data").get("hint").asText()).isEqualTo("chain.addMetadata");
        assertThat(error.get("data").get("name").asText()).isEqualTo("METADATA_OUTDATED");
    }

    @Test
    void withoutTheChainsMetadataAnUnknownExtensionIsReadAsEmptyAndTheDeviceSaysSo() throws Exception {
        ObjectNode given = payload().put("genesisHash", ChainVectors.KUSAMA_GENESIS).put("mode", 0);
        given.remove("metadataHash");
        ((com.fasterxml.jackson.databind.node.ArrayNode) given.get("signedExtensions")).add("StorageWeightReclaim");

        CompletableFuture<JsonNode> call = sign(given, "");
        List<Screen> pages = confirmPages(call);
        RpcClient.result(call);

        assertThat(pages).extracting(Screen::title).containsExactly("Blind signing", "Sign transaction");
        assertThat(pages.get(1).lines()).contains("read as empty by the host: StorageWeightReclaim");
    }
}
