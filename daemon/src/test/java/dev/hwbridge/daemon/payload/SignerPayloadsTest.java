package dev.hwbridge.daemon.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.protocol.account.Hex;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SignerPayloadsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Alice, generic prefix. */
    static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    static final String BOB_KEY = "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48";
    static final String GENESIS = "91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3";
    static final String BLOCK = "c1a0e5f5a58ee5b5e33f1d3c9c1bc13b8d4f7e2a6b5c4d3e2f1a0b9c8d7e6f50";
    static final String METADATA_HASH = "0123456789abcdef".repeat(4);
    /** balances.transfer_keep_alive (pallet 5, call 3) to MultiAddress::Id(Bob) of compact 12345. */
    static final String TRANSFER = "0503" + "00" + BOB_KEY + "e5c0";

    /** polkadot's signed extensions before CheckMetadataHash, in runtime order. */
    static final List<String> POLKADOT_EXTENSIONS = List.of("CheckNonZeroSender", "CheckSpecVersion",
            "CheckTxVersion", "CheckGenesis", "CheckMortality", "CheckNonce", "CheckWeight",
            "ChargeTransactionPayment", "PrevalidateAttests");

    /** A transfer as polkadot-js SignerPayload.toPayload() writes it: numbers as fixed-width hex. */
    static ObjectNode transferPayload(List<String> extensions) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("address", ALICE);
        p.put("blockHash", "0x" + BLOCK);
        p.put("blockNumber", "0x00a1b2c3");
        p.put("era", "0xb502");
        p.put("genesisHash", "0x" + GENESIS);
        p.put("method", "0x" + TRANSFER);
        p.put("nonce", "0x00000005");
        ArrayNode names = p.putArray("signedExtensions");
        extensions.forEach(names::add);
        p.put("specVersion", "0x000f4a10");
        p.put("tip", "0x00000000000000000000000000000000");
        p.put("transactionVersion", "0x0000001a");
        p.put("version", 4);
        return p;
    }

    private static ObjectNode with(List<String> extensions, Consumer<ObjectNode> change) {
        ObjectNode p = transferPayload(extensions);
        change.accept(p);
        return p;
    }

    private static String signingBytes(JsonNode p) throws InvalidPayloadException {
        SigningRequest request = SignerPayloads.fromSignerPayload(p);
        assertThat(request.kind()).isEqualTo(SigningRequest.Kind.TRANSACTION);
        assertThat(request.address()).isEqualTo(ALICE);
        return Hex.toHex(request.payload());
    }

    private static void assertRefused(JsonNode p, String field) {
        assertThatThrownBy(() -> SignerPayloads.fromSignerPayload(p))
                .isInstanceOfSatisfying(InvalidPayloadException.class,
                        e -> assertThat(e.field()).as(e.getMessage()).isEqualTo(field));
    }

    @Test
    void transferWithThePolkadotExtensionsIsCallThenExtrasThenAdditionals() throws Exception {
        String expected = "0x" + TRANSFER
                + "b502"        // CheckMortality extra: era, mortal, period 64, phase 43
                + "14"          // CheckNonce: compact(5)
                + "00"          // ChargeTransactionPayment: compact(tip 0)
                + "104a0f00"    // CheckSpecVersion: u32 1002000
                + "1a000000"    // CheckTxVersion: u32 26
                + GENESIS       // CheckGenesis
                + BLOCK;        // CheckMortality additional: the era's block hash

        assertThat(signingBytes(transferPayload(POLKADOT_EXTENSIONS))).isEqualTo(expected);
    }

    @Test
    void checkMetadataHashAddsItsModeAndTheOptionalHash() throws Exception {
        List<String> extensions = new java.util.ArrayList<>(POLKADOT_EXTENSIONS);
        extensions.add("CheckMetadataHash");

        String enabled = signingBytes(with(extensions, p -> {
            p.put("mode", 1);
            p.put("metadataHash", "0x" + METADATA_HASH);
        }));
        String disabled = signingBytes(with(extensions, p -> {
            p.put("mode", 0);
            p.putNull("metadataHash");
        }));
        String unset = signingBytes(transferPayload(extensions));

        String common = "0x" + TRANSFER + "b502" + "14" + "00";
        String additional = "104a0f00" + "1a000000" + GENESIS + BLOCK;
        assertThat(enabled).isEqualTo(common + "01" + additional + "01" + METADATA_HASH);
        assertThat(disabled).isEqualTo(common + "00" + additional + "00");
        assertThat(unset).isEqualTo(disabled);
    }

    @Test
    void numbersAsJsonNumbersDecimalTextOrHexGiveTheSameBytes() throws Exception {
        String fromHex = signingBytes(transferPayload(POLKADOT_EXTENSIONS));
        String fromNumbers = signingBytes(with(POLKADOT_EXTENSIONS, p -> {
            p.put("nonce", 5);
            p.put("tip", 0);
            p.put("specVersion", 1002000);
            p.put("transactionVersion", 26);
        }));
        String fromDecimalText = signingBytes(with(POLKADOT_EXTENSIONS, p -> {
            p.put("nonce", "5");
            p.put("tip", "0");
            p.put("specVersion", "1002000");
            p.put("transactionVersion", 26.0);
            p.put("version", "0x04");
        }));
        String shortHex = signingBytes(with(POLKADOT_EXTENSIONS, p -> {
            p.put("nonce", "0x5");
            p.put("tip", "0x");
        }));

        assertThat(fromNumbers).isEqualTo(fromHex);
        assertThat(fromDecimalText).isEqualTo(fromHex);
        assertThat(shortHex).isEqualTo(fromHex);
    }

    @Test
    void largeTipUsesTheBigIntegerCompactMode() throws Exception {
        String hexTip = signingBytes(with(List.of("ChargeTransactionPayment"),
                p -> p.put("tip", "0x000000000000000000000000e8d4a51000")));
        String numberTip = signingBytes(with(List.of("ChargeTransactionPayment"),
                p -> p.put("tip", 1_000_000_000_000L)));
        String maxTip = signingBytes(with(List.of("ChargeTransactionPayment"),
                p -> p.put("tip", "0x" + "ff".repeat(16))));

        assertThat(hexTip).isEqualTo("0x" + TRANSFER + "070010a5d4e8").isEqualTo(numberTip);
        assertThat(maxTip).isEqualTo("0x" + TRANSFER + "33" + "ff".repeat(16));
    }

    @Test
    void polkadotJsSignerPayloadSpecExampleSignsCallAndNonceOnly() throws Exception {
        // @polkadot/types SignerPayload.spec.ts TEST, fed to ExtrinsicPayload with its two extensions.
        ObjectNode p = MAPPER.createObjectNode();
        p.put("address", "5DTestUPts3kjeXSTMyerHihn1uwMfLj8vU8sqF7qYrFabHE");
        p.put("blockHash", "0xde8f69eeb5e065e18c6950ff708d7e551f68dc9bf59a07c52367c0280f805ec7");
        p.put("blockNumber", "0x00231d30");
        p.put("era", "0x0703");
        p.put("genesisHash", "0xdcd1346701ca8396496e52aa2785b1748deb6db09551b72159dcb3e08991025b");
        p.put("method", "0x0600ffd7568e5f0a7eda67a82691ff379ac4bba4f9c9b859fe779b5d46363b61ad2db9e56c");
        p.put("nonce", "0x00001234");
        p.putArray("signedExtensions").add("CheckNonce").add("CheckWeight");
        p.put("specVersion", "0x00000006");
        p.put("tip", "0x00000000000000000000000000005678");
        p.put("transactionVersion", "0x00000007");
        p.put("version", 4);

        SigningRequest request = SignerPayloads.fromSignerPayload(p);

        assertThat(Hex.toHex(request.payload())).isEqualTo(
                "0x0600ffd7568e5f0a7eda67a82691ff379ac4bba4f9c9b859fe779b5d46363b61ad2db9e56c" + "d148");
    }

    @Test
    void assetTxPaymentAddsTipAndTheOptionalAssetAsGiven() throws Exception {
        List<String> assetHub = List.of("CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion", "CheckGenesis",
                "CheckMortality", "CheckNonce", "CheckWeight", "ChargeAssetTxPayment", "CheckMetadataHash");
        String additional = "104a0f00" + "1a000000" + GENESIS + BLOCK + "00";
        // Some(Location { parents: 0, interior: X2(PalletInstance(50), GeneralIndex(1984)) })
        String usdt = "010002043205011f";

        String none = signingBytes(transferPayload(assetHub));
        String explicitNone = signingBytes(with(assetHub, p -> p.put("assetId", "0x00")));
        String some = signingBytes(with(assetHub, p -> p.put("assetId", "0x" + usdt)));

        assertThat(none).isEqualTo("0x" + TRANSFER + "b502" + "14" + "00" + "00" + "00" + additional);
        assertThat(explicitNone).isEqualTo(none);
        assertThat(some).isEqualTo("0x" + TRANSFER + "b502" + "14" + "00" + usdt + "00" + additional);
    }

    @Test
    void aFieldNamedByTwoExtensionsAppearsOnceWhereItFirstAppeared() throws Exception {
        String both = signingBytes(with(List.of("ChargeTransactionPayment", "CheckVersion", "ChargeAssetTxPayment",
                "CheckSpecVersion", "CheckNonce", "CheckNonce"), p -> p.put("tip", 1)));

        // tip, assetId (None), nonce; then specVersion once.
        assertThat(both).isEqualTo("0x" + TRANSFER + "04" + "00" + "14" + "104a0f00");
    }

    @Test
    void immortalEraIsTheSingleZeroByte() throws Exception {
        String immortal = signingBytes(with(List.of("CheckMortality"), p -> p.put("era", "0x00")));

        assertThat(immortal).isEqualTo("0x" + TRANSFER + "00" + BLOCK);
    }

    @Test
    void anUnknownSignedExtensionAddsNoBytesAsInPolkadotJsAndIsNamed() throws Exception {
        SigningRequest known = SignerPayloads.fromSignerPayload(transferPayload(POLKADOT_EXTENSIONS));
        for (String name : List.of("StorageWeightReclaim", "VerifySignature", "checknonce")) {
            List<String> extensions = new java.util.ArrayList<>(POLKADOT_EXTENSIONS);
            extensions.add(name);

            SigningRequest request = SignerPayloads.fromSignerPayload(transferPayload(extensions));

            assertThat(request.payload()).isEqualTo(known.payload());
            assertThat(request.unknownExtensions()).containsExactly(name);
        }
        List<String> odd = new java.util.ArrayList<>(POLKADOT_EXTENSIONS);
        odd.add("Bad\u0000Name" + "x".repeat(100));
        assertThat(SignerPayloads.fromSignerPayload(transferPayload(odd)).unknownExtensions().get(0))
                .isEqualTo("Bad?Name" + "x".repeat(56) + "…");
    }

    @Test
    void everyMemberAListedExtensionNeedsIsChecked() {
        List<String> all = List.of("CheckSpecVersion", "CheckTxVersion", "CheckGenesis", "CheckMortality",
                "CheckNonce", "ChargeAssetTxPayment", "CheckMetadataHash");
        assertRefused(with(all, p -> p.remove("genesisHash")), "genesisHash");
        assertRefused(with(all, p -> p.put("genesisHash", "0x1234")), "genesisHash");
        assertRefused(with(all, p -> p.put("blockHash", "0x" + BLOCK + "00")), "blockHash");
        assertRefused(with(all, p -> p.putNull("era")), "era");
        assertRefused(with(all, p -> p.put("era", "0x0000")), "era");
        assertRefused(with(all, p -> p.put("era", "0x1000")), "era");   // period 2
        assertRefused(with(all, p -> p.put("era", "0xf100")), "era");   // phase 15 of period 4
        assertRefused(with(all, p -> p.put("era", "0xb50200")), "era");
        assertRefused(with(all, p -> p.put("nonce", -1)), "nonce");
        assertRefused(with(all, p -> p.put("nonce", "0x1" + "0".repeat(16))), "nonce");
        assertRefused(with(all, p -> p.put("tip", "abc")), "tip");
        assertRefused(with(all, p -> p.put("tip", 1.5)), "tip");
        assertRefused(with(all, p -> p.put("tip", "0x1" + "0".repeat(32))), "tip");
        assertRefused(with(all, p -> p.put("tip", true)), "tip");
        assertRefused(with(all, p -> p.put("specVersion", 1L << 32)), "specVersion");
        assertRefused(with(all, p -> p.remove("transactionVersion")), "transactionVersion");
        assertRefused(with(all, p -> p.put("mode", 2)), "mode");
        assertRefused(with(all, p -> p.put("metadataHash", "0x12")), "metadataHash");
        assertRefused(with(all, p -> p.put("assetId", "0x02")), "assetId");
        assertRefused(with(all, p -> p.put("assetId", "0x01")), "assetId");
        assertRefused(with(all, p -> p.put("assetId", 1984)), "assetId");
    }

    @Test
    void envelopeMembersAreChecked() {
        assertRefused(with(POLKADOT_EXTENSIONS, p -> p.put("address", "5Grw")), "address");
        assertRefused(with(POLKADOT_EXTENSIONS, p -> p.remove("address")), "address");
        assertRefused(with(POLKADOT_EXTENSIONS, p -> p.put("version", 5)), "version");
        assertRefused(with(POLKADOT_EXTENSIONS, p -> p.remove("version")), "version");
        assertRefused(with(POLKADOT_EXTENSIONS, p -> p.put("method", "0x")), "method");
        assertRefused(with(POLKADOT_EXTENSIONS, p -> p.put("method", "transfer")), "method");
        assertRefused(with(POLKADOT_EXTENSIONS, p -> p.put("signedExtensions", "CheckNonce")), "signedExtensions");
        assertRefused(with(POLKADOT_EXTENSIONS, p -> p.withArray("signedExtensions").add(3)), "signedExtensions");
        assertRefused(MAPPER.createArrayNode(), "");
        assertRefused(null, "");
    }

    @Test
    void membersNoListedExtensionUsesAreIgnored() throws Exception {
        String bytes = signingBytes(with(List.of("CheckNonce"), p -> {
            p.put("era", "junk");
            p.put("tip", "junk");
            p.put("withSignedTransaction", true);
        }));

        assertThat(bytes).isEqualTo("0x" + TRANSFER + "14");
    }

    @Test
    void rawPayloadWithHexDataIsThoseBytes() throws Exception {
        ObjectNode raw = MAPPER.createObjectNode().put("address", ALICE).put("data", "0x48656c6c6f").put("type", "bytes");

        SigningRequest request = SignerPayloads.fromSignerPayload(raw);

        assertThat(request.kind()).isEqualTo(SigningRequest.Kind.RAW);
        assertThat(request.address()).isEqualTo(ALICE);
        assertThat(request.payload()).isEqualTo("Hello".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rawPayloadWithTextDataIsItsUtf8AsU8aToU8aGivesIt() throws Exception {
        assertThat(rawBytes("h\u00e9llo <Bytes>")).isEqualTo("0x68c3a96c6c6f203c42797465733e");
        // Odd-length or upper-case-X hex is text to polkadot-js isHex, so it is signed as text.
        assertThat(rawBytes("0xabc")).isEqualTo("0x3078616263");
        assertThat(rawBytes("0Xab")).isEqualTo("0x30586162");
        // A lone surrogate becomes U+FFFD, as TextEncoder writes it.
        assertThat(rawBytes("a\ud800")).isEqualTo("0x61efbfbd");
        assertThat(rawBytes("")).isEqualTo("0x");
        assertThat(rawBytes("0x")).isEqualTo("0x");
    }

    @Test
    void rawPayloadNeedsAKnownTypeAndTextData() {
        assertRefused(MAPPER.createObjectNode().put("address", ALICE).put("data", "0x00"), "type");
        assertRefused(MAPPER.createObjectNode().put("address", ALICE).put("data", "0x00").put("type", "text"), "type");
        assertRefused(MAPPER.createObjectNode().put("address", ALICE).put("data", 5).put("type", "bytes"), "data");
        assertRefused(MAPPER.createObjectNode().put("address", "x").put("data", "0x").put("type", "bytes"), "address");
        String tooLong = "0x" + "00".repeat(SignerPayloads.MAX_PAYLOAD_BYTES + 1);
        assertRefused(MAPPER.createObjectNode().put("address", ALICE).put("data", tooLong).put("type", "payload"),
                "data");
    }

    @Test
    void requestShowsOnlyThePayloadLength() throws Exception {
        SigningRequest request = SignerPayloads.fromSignerPayload(transferPayload(POLKADOT_EXTENSIONS));

        assertThat(request.toString()).doesNotContain(BOB_KEY).contains(request.payload().length + " bytes");
    }

    private static String rawBytes(String data) throws InvalidPayloadException {
        ObjectNode raw = MAPPER.createObjectNode().put("address", ALICE).put("data", data).put("type", "bytes");
        return Hex.toHex(SignerPayloads.fromSignerPayload(raw).payload());
    }
}
