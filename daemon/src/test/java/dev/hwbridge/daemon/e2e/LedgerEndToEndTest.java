package dev.hwbridge.daemon.e2e;

import static dev.hwbridge.testkit.rpc.RpcClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.testing.ChainVectors;
import dev.hwbridge.daemon.testing.VectorPayloads;
import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.protocol.ledger.LedgerPath;
import dev.hwbridge.protocol.ledger.LedgerScheme;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import dev.hwbridge.simulator.bip39.Bip39Seed;
import dev.hwbridge.simulator.keys.LedgerKeys;
import dev.hwbridge.simulator.keys.Signatures;
import dev.hwbridge.simulator.ledger.LedgerSimulator;
import dev.hwbridge.simulator.screen.Button;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.testkit.automation.AutomationClient;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon with the simulator's Ledger personality over the Speculos transport
 * ({@code --speculos}): listed as a Ledger, held through sessions, keys at Ledger paths (shown
 * and confirmed or rejected on its screen), a registered account clear-signed with the
 * registered metadata (the daemon enabling CheckMetadataHash when the dapp lets it, and the signed
 * extrinsic returned) and refused without it, its own flows refused as UNSUPPORTED, and its stop
 * seen as an unplug.
 */
class LedgerEndToEndTest {

    private static final Duration WAIT = LedgerBench.WAIT;

    @TempDir
    Path dataDir;

    private LedgerBench bench;
    private LedgerSimulator ledger;
    private RpcClient wallet;

    @BeforeEach
    void start() throws Exception {
        bench = LedgerBench.start(dataDir);
        ledger = bench.ledger();
        wallet = bench.wallet();
    }

    @AfterEach
    void stop() throws Exception {
        bench.close();
    }

    @Test
    void theLedgerIsListedByKindAppVersionAndSchemesOnTcp() throws Exception {
        JsonNode device = bench.awaitLedger();

        assertThat(device.get("kind").asText()).isEqualTo("ledger");
        assertThat(device.get("transport").asText()).isEqualTo("tcp");
        assertThat(device.get("appVersion").asText()).isEqualTo("100.0.0");
        assertThat(device.get("schemes").toString()).isEqualTo("[\"ed25519\",\"ethereum\"]");
        assertThat(device.get("session").isNull()).isTrue();
    }

    @Test
    void featuresSayTheLedgerNeverSignsBlind() throws Exception {
        String session = bench.acquire();

        JsonNode features = wallet.call("device.features", params("session", session));

        assertThat(features.get("blindSigning").asBoolean()).isFalse();
        assertThat(features.get("initialized").asBoolean()).isTrue();
        assertThat(features.get("firmwareVersion").asText()).isEqualTo("100.0.0");
    }

    @Test
    void wipingAndSettingUpAreUnsupportedWithASentence() throws Exception {
        String session = bench.acquire();

        JsonNode wipe = wallet.error("device.wipe", params("session", session));

        assertThat(RpcClient.errorName(wipe)).isEqualTo("UNSUPPORTED");
        assertThat(wipe.get("code").asInt()).isEqualTo(1022);
        assertThat(wipe.get("message").asText()).contains("on the Ledger itself");
        assertThat(wallet.call("device.ping", params("device", bench.awaitLedger().get("id").asText())).get("data").asText())
                .as("the Ledger still answers after the refusal").isEqualTo("0x");
    }

    @Test
    void stoppingTheEmulatorIsAnUnplug() throws Exception {
        wallet.call("device.subscribe", params());
        String session = bench.acquire();

        ledger.close();

        JsonNode detached = wallet.awaitNotification("device.detached", p -> true, WAIT);
        assertThat(detached.get("kind").asText()).isEqualTo("ledger");
        JsonNode ended = wallet.awaitNotification("session.ended", p -> true, WAIT);
        assertThat(ended.get("session").asText()).isEqualTo(session);
        assertThat(wallet.call("device.list", params())).isEmpty();
    }

    private static final String PATH = "m/44'/354'/0'/0'/0'";

    /** What the Ledger derives from the phrase at {@code path}: hdLedger's key (LedgerInteropTest checks that). */
    private static byte[] ledgerKey(String path) {
        byte[] seed = Bip39Seed.of(Bench.DEV_PHRASE, "");
        try (LedgerKeys keys = LedgerKeys.derive(seed, LedgerScheme.ED25519, LedgerPath.parse(path))) {
            return keys.publicKey();
        }
    }

    /** Presses {@code button} once the Ledger shows a prompt. */
    private void press(Button button) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (ledger.screen().current().input() != InputKind.CONFIRM) {
            assertThat(System.nanoTime()).as("a prompt on the Ledger").isLessThan(deadline);
            Thread.sleep(10);
        }
        ledger.screen().press(button);
    }

    @Test
    void deriveAtALedgerPathGivesTheLedgersKeyAndAddress() throws Exception {
        String session = bench.acquire();

        JsonNode account = wallet.call("account.derive", params("session", session, "scheme", "ed25519",
                "path", PATH, "ss58Format", 0));

        byte[] key = ledgerKey(PATH);
        assertThat(account.get("publicKey").asText()).isEqualTo(Hex.toHex(key));
        assertThat(account.get("address").asText()).isEqualTo(Ss58.encode(key, Ss58Prefix.of(0)));
        assertThat(account.get("path").asText()).isEqualTo(PATH);
    }

    @Test
    void discoverWalksTheIndexOfALedgerPath() throws Exception {
        String session = bench.acquire();

        JsonNode accounts = wallet.call("account.discover", params("session", session, "scheme", "ed25519",
                "pathTemplate", "m/44'/354'/0'/0'/{i}'", "from", 0, "count", 3, "ss58Format", 0));

        assertThat(accounts).hasSize(3);
        assertThat(accounts.get(2).get("publicKey").asText()).isEqualTo(Hex.toHex(ledgerKey("m/44'/354'/0'/0'/2'")));
    }

    @Test
    void showPromptsAndWaitsForTheLedgersButtons() throws Exception {
        String session = bench.acquire();

        CompletableFuture<JsonNode> shown = wallet.send("account.derive", params("session", session, "scheme", "ed25519",
                "path", PATH, "ss58Format", 0, "show", true));
        JsonNode prompt = wallet.awaitNotification("device.prompt", p -> true, WAIT);
        press(Button.CONFIRM);

        assertThat(prompt.get("kind").asText()).isEqualTo("confirm");
        assertThat(RpcClient.result(shown).get("publicKey").asText()).isEqualTo(Hex.toHex(ledgerKey(PATH)));
    }

    @Test
    void aRejectionOnTheLedgerIsUserRejected() throws Exception {
        String session = bench.acquire();

        CompletableFuture<JsonNode> shown = wallet.send("account.derive", params("session", session, "scheme", "ed25519",
                "path", PATH, "ss58Format", 0, "show", true));
        press(Button.REJECT);

        assertThat(RpcClient.errorName(RpcClient.error(shown))).isEqualTo("USER_REJECTED");
    }

    @Test
    void aTakeoverCancelsTheOldCallAtOnceAndTheNewOwnerWaitsForTheLedgersAnswer() throws Exception {
        String session = bench.acquire();
        CompletableFuture<JsonNode> shown = wallet.send("account.derive", params("session", session, "scheme", "ed25519",
                "path", PATH, "ss58Format", 0, "show", true));
        wallet.awaitNotification("device.prompt", p -> true, WAIT);
        try (RpcClient other = RpcClient.connect(bench.daemon().webSocketUri())) {
            String device = bench.awaitLedger().get("id").asText();

            String taken = other.call("session.acquire", params("device", device, "previous", session)).get("session").asText();
            assertThat(RpcClient.errorName(RpcClient.error(shown))).isEqualTo("CANCELLED");
            CompletableFuture<JsonNode> next = other.send("account.derive", params("session", taken, "scheme", "ed25519",
                    "path", PATH, "ss58Format", 0));
            Thread.sleep(200);
            assertThat(next).as("waits while the Ledger still shows the old prompt").isNotDone();
            press(Button.CONFIRM);

            assertThat(RpcClient.result(next).get("publicKey").asText()).isEqualTo(Hex.toHex(ledgerKey(PATH)));
        }
    }

    @Test
    void aLedgerAccountsBackupIsVersion2AndRestoresAfterTheLedgerDerivesTheSameKey() throws Exception {
        String session = bench.acquire();
        JsonNode account = wallet.call("account.derive", params("session", session, "scheme", "ed25519",
                "path", "m/44'/354'/0'/0'/5'", "ss58Format", 0, "name", "Ledger 5"));
        JsonNode document = wallet.call("backup.export", params("format", "hwbridge"));
        wallet.call("account.forget", params("address", account.get("address").asText()));

        ObjectNode restore = params("session", session);
        restore.set("document", document);
        JsonNode restored = wallet.call("backup.restore", restore);

        assertThat(document.get("version").asInt()).isEqualTo(2);
        assertThat(document.get("accounts").get(0).get("path").asText()).isEqualTo("m/44'/354'/0'/0'/5'");
        assertThat(restored.get("mismatched")).as("%s", restored).isEmpty();
        assertThat(restored.get("restored").get(0).get("address").asText()).isEqualTo(account.get("address").asText());
    }

    @Test
    void ethereumKeysAreTheAppsSecp256k1KeysWithTheirEthereumAddresses() throws Exception {
        String session = bench.acquire();
        byte[] seed = Bip39Seed.of(Bench.DEV_PHRASE, "");

        JsonNode account = wallet.call("account.derive", params("session", session, "scheme", "ethereum", "path", PATH));
        JsonNode page = wallet.call("account.discover", params("session", session, "scheme", "ethereum",
                "pathTemplate", "m/44'/354'/0'/0'/{i}'", "from", 0, "count", 2, "ss58Format", 0));

        try (LedgerKeys keys = LedgerKeys.derive(seed, LedgerScheme.ECDSA, LedgerPath.parse(PATH))) {
            assertThat(account.get("publicKey").asText()).isEqualTo(Hex.toHex(keys.publicKey()));
            assertThat(account.get("address").asText()).isEqualToIgnoringCase(Hex.toHex(keys.ethereumAddress()));
        }
        assertThat(account.get("scheme").asText()).isEqualTo("ethereum");
        assertThat(page.get(0)).isEqualTo(account);
        assertThat(page).hasSize(2);
    }

    @Test
    void aSubstrateEcdsaKeyIsNoLedgerKey() throws Exception {
        String session = bench.acquire();

        JsonNode error = wallet.error("account.derive", params("session", session, "scheme", "ecdsa", "path", PATH,
                "ss58Format", 0));

        assertThat(RpcClient.errorName(error)).isEqualTo("INVALID_PATH");
    }

    @Test
    void aRegisteredLedgerAccountClearSignsWithTheRegisteredMetadataAndRefusesBlindSigning() throws Exception {
        String session = bench.acquire();
        JsonNode account = wallet.call("account.derive", params("session", session, "scheme", "ed25519",
                "path", PATH, "ss58Format", 0, "name", "Ledger savings"));
        String address = account.get("address").asText();
        byte[] key = ledgerKey(PATH);
        JsonNode vector = ChainVectors.proof("polkadot-transfer-keep-alive-tip");
        Merkleizer polkadot = VectorPayloads.merkleizer(vector);
        ObjectNode payload = VectorPayloads.signerPayload(vector, polkadot, address);

        JsonNode blind = wallet.error("account.sign", "{\"session\":\"" + session + "\",\"address\":\"" + address
                + "\",\"signerPayload\":" + payload + "}");
        assertThat(RpcClient.errorName(blind)).as("no metadata registered: %s", blind).isEqualTo("BLIND_SIGNING_DISABLED");

        bench.addPolkadotMetadata();
        CompletableFuture<JsonNode> call = wallet.send("account.sign", "{\"session\":\"" + session + "\",\"address\":\""
                + address + "\",\"signerPayload\":" + payload + "}");
        while (!call.isDone()) {
            if (ledger.screen().current().input() == InputKind.CONFIRM) {
                ledger.screen().press(Button.CONFIRM);
            }
            Thread.sleep(10);
        }
        JsonNode signed = RpcClient.result(call);

        byte[] signing = Hex.fromHex(vector.get("payloadHex").asText());
        byte[] message = signing.length > 256 ? Blake2b.hash256(signing) : signing;
        assertThat(Signatures.verify(KeyScheme.ED25519, key, message, Hex.fromHex(signed.get("signature").asText())))
                .isTrue();
        assertThat(signed.get("multiSignature").asText()).startsWith("0x00");
    }

    /**
     * A dapp that lets the signer change the payload ({@code mode} 0, {@code withSignedTransaction}):
     * the daemon enables CheckMetadataHash with the registered digest, the Ledger verifies the
     * proof and shows the transaction, and the result is the signed extrinsic polkadot-js submits.
     */
    @Test
    void withSignedTransactionTheLedgerClearSignsAndTheSignedExtrinsicCarriesItsSignature() throws Exception {
        String session = bench.acquire();
        String address = registerLedgerAccount(session);
        byte[] key = ledgerKey(PATH);
        JsonNode vector = ChainVectors.proof("polkadot-transfer-keep-alive-tip");
        ObjectNode given = changeablePayload(vector, address);
        AutomationClient user = new AutomationClient(ledger.automationUri());

        CompletableFuture<JsonNode> call = wallet.send("account.sign", "{\"session\":\"" + session + "\",\"address\":\""
                + address + "\",\"signerPayload\":" + given + "}");
        List<String> pages = new ArrayList<>();
        while (!call.isDone()) {
            JsonNode screen = user.screen();
            if (screen.path("input").asText().equals("confirm")) {
                pages.add(screen.path("title").asText());
                user.press("confirm");
            } else {
                Thread.sleep(10);
            }
        }
        JsonNode result = RpcClient.result(call);

        assertThat(pages).as("the transaction's pages on the Ledger").contains("Balances.transfer_keep_alive");
        JsonNode signed = result.get("signerPayload");
        assertThat(signed.get("mode").asInt()).isEqualTo(1);
        assertThat(signed.get("metadataHash").asText()).isEqualTo(vector.get("metadataHash").asText());
        byte[] signature = Hex.fromHex(result.get("signature").asText());
        byte[] multiSignature = Hex.fromHex(result.get("multiSignature").asText());
        assertThat(signature).as("API.md: the ed25519 signature is the 64 bytes").hasSize(64);
        assertThat(multiSignature).as("the app's scheme byte 0x00 (ed25519) in front")
                .isEqualTo(concat(new byte[] {0}, signature));
        byte[] signing = Hex.fromHex(vector.get("payloadHex").asText());
        byte[] message = signing.length > 256 ? Blake2b.hash256(signing) : signing;
        assertThat(Signatures.verify(KeyScheme.ED25519, key, message, signature)).isTrue();

        // Extrinsic v4: compact length ‖ 0x84 ‖ MultiAddress::Id(key) ‖ MultiSignature ‖ extra ‖ call.
        byte[] extrinsic = Hex.fromHex(result.get("signedTransaction").asText());
        int[] length = compact(extrinsic);
        assertThat(length[0]).as("the length prefix counts the rest").isEqualTo(extrinsic.length - length[1]);
        int at = length[1];
        assertThat(extrinsic[at]).isEqualTo((byte) 0x84);
        assertThat(extrinsic[at + 1]).as("MultiAddress::Id").isZero();
        assertThat(Arrays.copyOfRange(extrinsic, at + 2, at + 34)).isEqualTo(key);
        assertThat(Arrays.copyOfRange(extrinsic, at + 34, at + 34 + 65)).isEqualTo(multiSignature);
        byte[] method = Hex.fromHex(vector.get("callHex").asText());
        byte[] extra = Arrays.copyOfRange(extrinsic, at + 34 + 65, extrinsic.length - method.length);
        assertThat(Arrays.copyOfRange(extrinsic, extrinsic.length - method.length, extrinsic.length)).isEqualTo(method);
        assertThat(Arrays.copyOf(signing, method.length + extra.length))
                .as("the extrinsic's call and extra are those of the payload the Ledger signed")
                .isEqualTo(concat(method, extra));
    }

    @Test
    void aRejectedClearSigningOnTheLedgerIsUserRejectedWithNothingSigned() throws Exception {
        String session = bench.acquire();
        String address = registerLedgerAccount(session);
        JsonNode vector = ChainVectors.proof("polkadot-transfer-keep-alive-tip");
        ObjectNode given = changeablePayload(vector, address);
        AutomationClient user = new AutomationClient(ledger.automationUri());

        CompletableFuture<JsonNode> call = wallet.send("account.sign", "{\"session\":\"" + session + "\",\"address\":\""
                + address + "\",\"signerPayload\":" + given + "}");
        user.reject();

        JsonNode error = RpcClient.error(call);
        assertThat(RpcClient.errorName(error)).isEqualTo("USER_REJECTED");
        assertThat(error.get("code").asInt()).isEqualTo(1003);
        assertThat(error.has("data") && error.get("data").has("signature")).isFalse();
    }

    /** The vector's payload as a dapp that lets the signer change it sends it: mode 0, no hash, withSignedTransaction. */
    private static ObjectNode changeablePayload(JsonNode vector, String address) throws Exception {
        ObjectNode given = VectorPayloads.signerPayload(vector, VectorPayloads.merkleizer(vector), address)
                .put("mode", 0).put("withSignedTransaction", true);
        given.remove("metadataHash");
        return given;
    }

    /** Registers the ed25519 account at {@link #PATH} and the Polkadot metadata; returns its address. */
    private String registerLedgerAccount(String session) throws Exception {
        JsonNode account = wallet.call("account.derive", params("session", session, "scheme", "ed25519",
                "path", PATH, "ss58Format", 0, "name", "Ledger savings"));
        bench.addPolkadotMetadata();
        return account.get("address").asText();
    }

    /** A SCALE compact integer at the start: {value, its size in bytes} (up to four-byte mode). */
    private static int[] compact(byte[] bytes) {
        return switch (bytes[0] & 3) {
            case 0 -> new int[] {(bytes[0] & 0xFF) >> 2, 1};
            case 1 -> new int[] {((bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8) >> 2, 2};
            case 2 -> new int[] {((bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8 | (bytes[2] & 0xFF) << 16
                    | (bytes[3] & 0xFF) << 24) >>> 2, 4};
            default -> throw new AssertionError("an extrinsic over 2^30 bytes");
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
