package dev.hwbridge.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.payload.SignerPayloads;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.keys.Signatures;
import dev.hwbridge.simulator.keystore.DecryptedAccount;
import dev.hwbridge.simulator.keystore.JsonKeystore;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing, the registry, and encrypted JSON files, end to end. */
class AccountEndToEndTest {

    private static final String GENESIS = "0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3";

    @TempDir
    Path dataDir;

    private Bench bench;
    private RpcClient wallet;
    private String session;

    @BeforeEach
    void start() throws Exception {
        bench = Bench.start(dataDir, Bench.DEV_PHRASE);
        wallet = bench.connect();
        session = bench.acquire(wallet);
    }

    @AfterEach
    void stop() throws Exception {
        bench.close();
    }

    @Test
    void signingAPayloadByKeyMatchesPolkadotJsForEd25519() throws Exception {
        JsonNode vector = Vectors.load().get("signatures").get(0);

        CompletableFuture<JsonNode> call = wallet.send("account.sign", "{\"session\":\"" + session
                + "\",\"scheme\":\"ed25519\",\"path\":\"\",\"payload\":\"" + vector.get("message").asText() + "\"}");
        assertThat(bench.hand.confirm().title()).isEqualTo("Blind signing");
        bench.hand.confirm();
        JsonNode signed = RpcClient.result(call);

        assertThat(signed.get("signature").asText()).isEqualTo(vector.get("ed25519").get("signature").asText());
        assertThat(signed.get("multiSignature").asText()).isEqualTo(vector.get("ed25519").get("signatureWithType").asText());
    }

    @Test
    void signingByKeyWithEcdsaAndSr25519Verifies() throws Exception {
        byte[] payload = "a transaction payload".getBytes(StandardCharsets.UTF_8);
        for (KeyScheme scheme : new KeyScheme[] {KeyScheme.ECDSA, KeyScheme.SR25519}) {
            JsonNode account = wallet.call("account.derive", "{\"session\":\"" + session + "\",\"scheme\":\""
                    + scheme.id() + "\",\"path\":\"//polkadot\",\"ss58Format\":0}");
            CompletableFuture<JsonNode> call = wallet.send("account.sign", "{\"session\":\"" + session + "\",\"scheme\":\""
                    + scheme.id() + "\",\"path\":\"//polkadot\",\"payload\":\"" + Hex.toHex(payload) + "\"}");
            bench.hand.confirm();
            bench.hand.confirm();
            JsonNode signed = RpcClient.result(call);

            byte[] signature = Hex.fromHex(signed.get("signature").asText());
            byte[] multi = Hex.fromHex(signed.get("multiSignature").asText());
            assertThat(Signatures.verify(scheme, Hex.fromHex(account.get("publicKey").asText()), payload, signature))
                    .as(scheme.id()).isTrue();
            assertThat(multi[0]).isEqualTo(scheme.multiSignatureIndex());
            assertThat(multi).hasSize(signature.length + 1);
        }
    }

    @Test
    void aNamedAccountIsRegisteredAndSignsSignerPayloadsByAddress() throws Exception {
        JsonNode alice = wallet.call("account.derive", "{\"session\":\"" + session + "\",\"scheme\":\"sr25519\","
                + "\"path\":\"//Alice\",\"ss58Format\":42,\"name\":\"Alice\",\"genesisHash\":\"" + GENESIS + "\"}");
        String address = alice.get("address").asText();
        byte[] publicKey = Hex.fromHex(alice.get("publicKey").asText());

        JsonNode listed = wallet.call("account.list", "{}");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("Alice");
        assertThat(listed.get(0).get("address").asText()).isEqualTo(address);
        assertThat(listed.get(0).get("genesisHash").asText()).isEqualTo(GENESIS);
        assertThat(listed.get(0).get("deviceFingerprint").asText()).startsWith("0x").hasSize(66);

        ObjectNode transaction = transfer(address);
        CompletableFuture<JsonNode> call = wallet.send("account.sign", "{\"session\":\"" + session
                + "\",\"address\":\"" + address + "\",\"signerPayload\":" + transaction + "}");
        bench.hand.confirm();
        JsonNode screen = RpcClient.JSON.valueToTree(bench.hand.confirm().lines());
        JsonNode signed = RpcClient.result(call);
        byte[] signingBytes = SignerPayloads.fromSignerPayload(transaction).payload();
        assertThat(Signatures.verify(KeyScheme.SR25519, publicKey, signingBytes,
                Hex.fromHex(signed.get("signature").asText()))).isTrue();
        assertThat(screen.toString()).contains(address);

        String message = Hex.toHex("hello hwbridge".getBytes(StandardCharsets.UTF_8));
        CompletableFuture<JsonNode> raw = wallet.send("account.sign", "{\"session\":\"" + session + "\",\"address\":\""
                + address + "\",\"signerPayload\":{\"address\":\"" + address + "\",\"data\":\"" + message
                + "\",\"type\":\"bytes\"}}");
        bench.hand.confirm();
        byte[] wrapped = "<Bytes>hello hwbridge</Bytes>".getBytes(StandardCharsets.UTF_8);
        assertThat(Signatures.verify(KeyScheme.SR25519, publicKey, wrapped,
                Hex.fromHex(RpcClient.result(raw).get("signature").asText()))).isTrue();
    }

    @Test
    void signingForAnUnknownAddressOrAMismatchedPayloadIsRefused() throws Exception {
        JsonNode alice = wallet.call("account.derive", "{\"session\":\"" + session + "\",\"scheme\":\"sr25519\","
                + "\"path\":\"//Alice\",\"ss58Format\":42,\"name\":\"Alice\"}");
        JsonNode bob = wallet.call("account.derive", "{\"session\":\"" + session + "\",\"scheme\":\"sr25519\","
                + "\"path\":\"//Bob\",\"ss58Format\":42}");

        JsonNode unknown = wallet.error("account.sign", "{\"session\":\"" + session + "\",\"address\":\""
                + bob.get("address").asText() + "\",\"signerPayload\":" + transfer(bob.get("address").asText()) + "}");
        JsonNode mismatched = wallet.error("account.sign", "{\"session\":\"" + session + "\",\"address\":\""
                + alice.get("address").asText() + "\",\"signerPayload\":" + transfer(bob.get("address").asText()) + "}");
        ObjectNode broken = transfer(alice.get("address").asText());
        broken.put("era", "junk");
        JsonNode invalid = wallet.error("account.sign", "{\"session\":\"" + session + "\",\"address\":\""
                + alice.get("address").asText() + "\",\"signerPayload\":" + broken + "}");

        assertThat(unknown.get("code").asInt()).isEqualTo(RpcError.UNKNOWN_ACCOUNT.code());
        assertThat(mismatched.get("code").asInt()).isEqualTo(RpcError.INVALID_PARAMS.code());
        assertThat(invalid.get("code").asInt()).isEqualTo(RpcError.INVALID_PAYLOAD.code());
        assertThat(invalid.get("data").get("field").asText()).isEqualTo("signerPayload.era");
    }

    @Test
    void aPassphraseAccountAsksForThePasswordOnTheDeviceAndIsFlagged() throws Exception {
        CompletableFuture<JsonNode> call = wallet.send("account.derive", "{\"session\":\"" + session
                + "\",\"scheme\":\"sr25519\",\"path\":\"//polkadot\",\"ss58Format\":0,\"passphrase\":true,\"name\":\"Vault\"}");
        bench.hand.type(InputKind.PASSWORD, "correct horse");
        JsonNode withPassword = RpcClient.result(call);
        JsonNode without = wallet.call("account.derive", "{\"session\":\"" + session
                + "\",\"scheme\":\"sr25519\",\"path\":\"//polkadot\",\"ss58Format\":0}");

        assertThat(withPassword.get("address").asText()).isNotEqualTo(without.get("address").asText());
        assertThat(withPassword.get("path").asText()).isEqualTo("//polkadot");
        assertThat(wallet.awaitNotification("device.prompt").get("kind").asText()).isEqualTo("password");
        JsonNode record = wallet.call("account.list", "{}").get(0);
        assertThat(record.get("passwordProtected").asBoolean()).isTrue();
        assertThat(record.get("path").asText()).isEqualTo("//polkadot");
    }

    @Test
    void forgetRemovesAnAccountFromTheRegistry() throws Exception {
        String address = wallet.call("account.derive", "{\"session\":\"" + session + "\",\"scheme\":\"ed25519\","
                + "\"path\":\"//1\",\"ss58Format\":2,\"name\":\"Kusama one\"}").get("address").asText();

        assertThat(wallet.call("account.forget", "{\"address\":\"" + address + "\"}").isNull()).isTrue();

        assertThat(wallet.call("account.list", "{}")).isEmpty();
        assertThat(wallet.error("account.forget", "{\"address\":\"" + address + "\"}").get("code").asInt())
                .isEqualTo(RpcError.UNKNOWN_ACCOUNT.code());
        assertThat(wallet.error("account.forget", "{\"address\":\"not an address\"}").get("code").asInt())
                .isEqualTo(RpcError.INVALID_PARAMS.code());
    }

    @Test
    void exportEncryptedGivesAFileThePasswordOpensAndImportBringsItBack() throws Exception {
        JsonNode account = wallet.call("account.derive", "{\"session\":\"" + session
                + "\",\"scheme\":\"sr25519\",\"path\":\"//travel\",\"ss58Format\":0}");

        CompletableFuture<JsonNode> export = wallet.send("account.exportEncrypted", "{\"session\":\"" + session
                + "\",\"scheme\":\"sr25519\",\"path\":\"//travel\",\"password\":\"file password\",\"name\":\"Travel\","
                + "\"ss58Format\":0}");
        bench.hand.confirm();
        JsonNode file = RpcClient.result(export);

        assertThat(file.get("address").asText()).isEqualTo(account.get("address").asText());
        assertThat(file.get("meta").get("name").asText()).isEqualTo("Travel");
        DecryptedAccount opened = JsonKeystore.decrypt(file.toString(), JsonKeystore.passwordBytes("file password"));
        assertThat(Hex.toHex(opened.publicKey())).isEqualTo(account.get("publicKey").asText());

        JsonNode wrong = wallet.error("account.importEncrypted", "{\"session\":\"" + session + "\",\"json\":" + file
                + ",\"password\":\"not it\"}");
        assertThat(wrong.get("code").asInt()).isEqualTo(RpcError.WRONG_PASSWORD.code());

        CompletableFuture<JsonNode> imported = wallet.send("account.importEncrypted", "{\"session\":\"" + session
                + "\",\"json\":" + file + ",\"password\":\"file password\",\"identity\":\"travel\"}");
        bench.hand.confirm();
        JsonNode result = RpcClient.result(imported);
        assertThat(result.get("address").asText()).isEqualTo(account.get("address").asText());
        assertThat(result.get("publicKey").asText()).isEqualTo(account.get("publicKey").asText());
        assertThat(result.get("scheme").asText()).isEqualTo("sr25519");
        assertThat(result.get("identity").asText()).isEqualTo("travel");
        JsonNode identities = wallet.call("device.features", "{\"session\":\"" + session + "\"}").get("identities");
        assertThat(identities.toString()).contains("travel");
    }

    /** A transfer signer payload (polkadot-js SignerPayloadJSON) from {@code address}. */
    private static ObjectNode transfer(String address) {
        ObjectNode p = RpcClient.JSON.createObjectNode();
        p.put("address", address);
        p.put("blockHash", GENESIS);
        p.put("blockNumber", "0x00000000");
        p.put("era", "0x00");
        p.put("genesisHash", GENESIS);
        p.put("method", "0x0503008eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48e5c0");
        p.put("nonce", "0x00000005");
        p.putArray("signedExtensions").add("CheckSpecVersion").add("CheckTxVersion").add("CheckGenesis")
                .add("CheckMortality").add("CheckNonce").add("ChargeTransactionPayment");
        p.put("specVersion", "0x000f4a10");
        p.put("tip", "0x00000000000000000000000000000000");
        p.put("transactionVersion", "0x0000001a");
        p.put("version", 4);
        return p;
    }
}
