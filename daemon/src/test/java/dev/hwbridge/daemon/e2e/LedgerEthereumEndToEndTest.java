package dev.hwbridge.daemon.e2e;

import static dev.hwbridge.testkit.rpc.RpcClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.testing.ChainVectors;
import dev.hwbridge.daemon.testing.VectorPayloads;
import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.account.EthereumAddress;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.ledger.LedgerPath;
import dev.hwbridge.protocol.ledger.LedgerScheme;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import dev.hwbridge.simulator.bip39.Bip39Seed;
import dev.hwbridge.simulator.keys.LedgerKeys;
import dev.hwbridge.simulator.ledger.LedgerSimulator;
import dev.hwbridge.simulator.screen.Button;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Ledger's Ethereum-style keys (scheme {@code ethereum}) through the daemon, with the
 * simulator's Ledger personality over the Speculos transport: registered by name and listed,
 * found by their {@code 0x} address in any valid case, messages and clear-signed transactions
 * signed by the app (r ‖ s ‖ v over keccak-256) and checked here with BouncyCastle against the
 * key, a signed extrinsic refused before signing on a chain whose types cannot hold it, and a
 * backup restored after the Ledger derives the same key again.
 */
class LedgerEthereumEndToEndTest {

    private static final Duration WAIT = LedgerBench.WAIT;
    private static final String PATH = "m/44'/354'/0'/0'/0'";
    private static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");

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
    void aNamedEthereumKeyIsRegisteredAndListedWithItsChecksummedAddress() throws Exception {
        String session = bench.acquire();

        JsonNode derived = wallet.call("account.derive", params("session", session, "scheme", "ethereum", "path", PATH,
                "name", "Moonbeam"));
        JsonNode listed = wallet.call("account.list", params());

        byte[] key = ledgerKey(PATH);
        String address = EthereumAddress.encode(EthereumAddress.ofPublicKey(key));
        assertThat(derived.get("address").asText()).isEqualTo(address);
        assertThat(listed).hasSize(1);
        JsonNode entry = listed.get(0);
        assertThat(entry.get("name").asText()).isEqualTo("Moonbeam");
        assertThat(entry.get("address").asText()).isEqualTo(address);
        assertThat(entry.get("publicKey").asText()).isEqualTo(Hex.toHex(key));
        assertThat(entry.get("scheme").asText()).isEqualTo("ethereum");
        assertThat(entry.get("type").asText()).isEqualTo("ethereum");
        assertThat(entry.get("path").asText()).isEqualTo(PATH);
        assertThat(entry.get("passwordProtected").asBoolean()).isFalse();
        assertThat(entry.get("deviceFingerprint").asText()).startsWith("0x").hasSize(66);
    }

    @Test
    void aMessageSignedByAnEthereumAccountVerifiesAgainstItsKey() throws Exception {
        String session = bench.acquire();
        String address = register(session);
        // The address in lower case finds the same account; the signer payload may spell it either way.
        String lower = address.toLowerCase(Locale.ROOT);
        ObjectNode raw = RpcClient.JSON.createObjectNode().put("address", lower).put("data", "0x68656c6c6f")
                .put("type", "bytes");
        ObjectNode request = params("session", session, "address", lower);
        request.set("signerPayload", raw);

        JsonNode signed = confirmed(wallet.send("account.sign", request));

        byte[] signature = Hex.fromHex(signed.get("signature").asText());
        assertThat(signature).hasSize(65);
        assertThat(signed.get("multiSignature").asText()).as("no MultiSignature prefix")
                .isEqualTo(signed.get("signature").asText());
        byte[] message = "<Bytes>hello</Bytes>".getBytes(StandardCharsets.US_ASCII);
        assertSignedBy(ledgerKey(PATH), keccak256(message), signature);
    }

    /** The example of API.md: polkadot-js's secp256k1Sign of the same message (src/vectors/ledger.json). */
    @Test
    void aMessagesSignatureIsPolkadotJsKeccakSignatureOfTheWrappedMessage() throws Exception {
        String session = bench.acquire();
        String address = register(session);
        JsonNode vector = ledgerVector(Bench.DEV_PHRASE, PATH);
        ObjectNode raw = RpcClient.JSON.createObjectNode().put("address", address)
                .put("data", Hex.toHex("hwbridge ledger vector".getBytes(StandardCharsets.US_ASCII))).put("type", "bytes");
        ObjectNode request = params("session", session, "address", address);
        request.set("signerPayload", raw);

        JsonNode signed = confirmed(wallet.send("account.sign", request));

        assertThat(address).isEqualTo("0x69A78a32DB6C59712e0a286E43a0a415A4C71901");
        assertThat(address.toLowerCase(Locale.ROOT)).isEqualTo(vector.at("/ecdsa/ethereumAddress").asText());
        assertThat(signed.get("signature").asText()).isEqualTo(vector.at("/ecdsa/signatureShort").asText());
    }

    @Test
    void aTransactionIsClearSignedWithTheProofAndItsSignatureVerifies() throws Exception {
        String session = bench.acquire();
        String address = register(session);
        JsonNode vector = ChainVectors.proof("polkadot-transfer-keep-alive-tip");
        Merkleizer polkadot = VectorPayloads.merkleizer(vector);
        ObjectNode payload = VectorPayloads.signerPayload(vector, polkadot, address);
        bench.addPolkadotMetadata();

        JsonNode signed = confirmed(wallet.send("account.sign", "{\"session\":\"" + session + "\",\"address\":\""
                + address + "\",\"signerPayload\":" + payload + "}"));

        byte[] signing = Hex.fromHex(vector.get("payloadHex").asText());
        // The app signs keccak-256 of the payload, of its blake2b-256 when longer than 256 bytes.
        byte[] message = signing.length > 256 ? Blake2b.hash256(signing) : signing;
        byte[] signature = Hex.fromHex(signed.get("signature").asText());
        assertSignedBy(ledgerKey(PATH), keccak256(message), signature);
        assertThat(signed.get("multiSignature").asText()).isEqualTo(signed.get("signature").asText());
        assertThat(signed.has("signedTransaction")).isFalse();
    }

    @Test
    void aSignedTransactionOnAChainWhoseAddressesAre32BytesIsRefusedBeforeTheLedgerIsAsked() throws Exception {
        String session = bench.acquire();
        String address = register(session);
        JsonNode vector = ChainVectors.proof("polkadot-transfer-keep-alive-tip");
        ObjectNode payload = VectorPayloads.signerPayload(vector, VectorPayloads.merkleizer(vector), address);
        payload.put("withSignedTransaction", true);
        bench.addPolkadotMetadata();

        JsonNode error = wallet.error("account.sign", "{\"session\":\"" + session + "\",\"address\":\"" + address
                + "\",\"signerPayload\":" + payload + "}");

        assertThat(RpcClient.errorName(error)).as("%s", error).isEqualTo("INVALID_PAYLOAD");
        assertThat(error.get("data").get("field").asText()).isEqualTo("signerPayload.address");
        assertThat(ledger.screen().current().input()).as("nothing to sign was shown").isNotEqualTo(InputKind.CONFIRM);
    }

    @Test
    void anEthereumAccountsBackupRestoresAfterTheLedgerDerivesTheSameKey() throws Exception {
        String session = bench.acquire();
        String address = register(session);
        JsonNode document = wallet.call("backup.export", params("format", "hwbridge"));
        wallet.call("account.forget", params("address", address.toLowerCase(Locale.ROOT)));
        assertThat(wallet.call("account.list", params())).isEmpty();

        ObjectNode restore = params("session", session);
        restore.set("document", document);
        JsonNode restored = wallet.call("backup.restore", restore);

        JsonNode entry = document.get("accounts").get(0);
        assertThat(document.get("version").asInt()).isEqualTo(2);
        assertThat(entry.get("scheme").asText()).isEqualTo("ethereum");
        assertThat(entry.get("address").asText()).isEqualTo(address);
        assertThat(entry.get("path").asText()).isEqualTo(PATH);
        assertThat(restored.get("mismatched")).as("%s", restored).isEmpty();
        assertThat(restored.get("restored").get(0).get("address").asText()).isEqualTo(address);
        assertThat(wallet.call("account.list", params()).get(0).get("scheme").asText()).isEqualTo("ethereum");
    }

    @Test
    void aBackupEntryWhoseKeyTheLedgerDoesNotDeriveIsMismatched() throws Exception {
        String session = bench.acquire();
        register(session);
        ObjectNode document = (ObjectNode) wallet.call("backup.export", params("format", "hwbridge"));
        // Another Ledger path: the key there is not the one the entry names.
        ((ObjectNode) document.get("accounts").get(0)).put("path", "m/44'/354'/0'/0'/1'");
        wallet.call("account.forget", params("address", document.at("/accounts/0/address").asText()));

        ObjectNode restore = params("session", session);
        restore.set("document", document);
        JsonNode restored = wallet.call("backup.restore", restore);

        assertThat(restored.get("restored")).isEmpty();
        assertThat(restored.get("mismatched").get(0).get("reason").asText()).isEqualTo("keyDiffers");
    }

    private static JsonNode ledgerVector(String phrase, String path) throws java.io.IOException {
        try (java.io.InputStream in = LedgerEthereumEndToEndTest.class.getResourceAsStream("/ledger.json")) {
            assertThat(in).as("/ledger.json on the test class path (src/vectors)").isNotNull();
            for (JsonNode vector : RpcClient.JSON.readTree(in).get("vectors")) {
                if (vector.get("phrase").asText().equals(phrase) && vector.get("path").asText().equals(path)) {
                    return vector;
                }
            }
        }
        throw new AssertionError("no ledger.json vector for " + path);
    }

    /** Registers the ethereum key at {@link #PATH} and returns its address. */
    private String register(String session) throws Exception {
        return wallet.call("account.derive", params("session", session, "scheme", "ethereum", "path", PATH,
                "name", "Moonbeam")).get("address").asText();
    }

    /** Confirms every page the Ledger shows until the call ends, then its result. */
    private JsonNode confirmed(CompletableFuture<JsonNode> call) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!call.isDone()) {
            assertThat(System.nanoTime()).as("the signature").isLessThan(deadline);
            if (ledger.screen().current().input() == InputKind.CONFIRM) {
                ledger.screen().press(Button.CONFIRM);
            }
            Thread.sleep(10);
        }
        return RpcClient.result(call);
    }

    /**
     * The signature r ‖ s ‖ v verifies over {@code hash} with the compressed {@code key}, and its
     * recovery id recovers that key (as an Ethereum-style chain's {@code ecrecover} does).
     */
    private static void assertSignedBy(byte[] key, byte[] hash, byte[] signature) {
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        int v = signature[64] & 0xFF;
        ECDomainParameters domain = new ECDomainParameters(SECP256K1);
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(SECP256K1.getCurve().decodePoint(key), domain));

        assertThat(verifier.verifySignature(hash, r, s)).as("verifies with the account's key").isTrue();
        assertThat(v).as("recovery id").isIn(0, 1, 27, 28);
        assertThat(recover(hash, r, s, v >= 27 ? v - 27 : v).getEncoded(true)).as("recovers the account's key")
                .isEqualTo(key);
    }

    /** Q = r⁻¹(sR − eG), R the point of x = r whose y parity is the recovery id. */
    private static ECPoint recover(byte[] hash, BigInteger r, BigInteger s, int recoveryId) {
        BigInteger n = SECP256K1.getN();
        byte[] encodedR = new byte[33];
        encodedR[0] = (byte) (0x02 | (recoveryId & 1));
        byte[] x = r.toByteArray();
        int length = Math.min(x.length, 32);
        System.arraycopy(x, x.length - length, encodedR, 33 - length, length);
        ECPoint pointR = SECP256K1.getCurve().decodePoint(encodedR);
        BigInteger e = new BigInteger(1, hash);
        BigInteger rInverse = r.modInverse(n);
        return ECAlgorithms.sumOfTwoMultiplies(SECP256K1.getG(), e.negate().mod(n).multiply(rInverse).mod(n),
                pointR, s.multiply(rInverse).mod(n)).normalize();
    }

    private static byte[] keccak256(byte[] data) {
        KeccakDigest keccak = new KeccakDigest(256);
        keccak.update(data, 0, data.length);
        byte[] out = new byte[32];
        keccak.doFinal(out, 0);
        return out;
    }

    /** What the Ledger derives at {@code path}: hdEthereum's key (LedgerInteropTest and ledger.json check that). */
    private static byte[] ledgerKey(String path) {
        byte[] seed = Bip39Seed.of(Bench.DEV_PHRASE, "");
        try (LedgerKeys keys = LedgerKeys.derive(seed, LedgerScheme.ECDSA, LedgerPath.parse(path))) {
            return keys.publicKey();
        }
    }
}
