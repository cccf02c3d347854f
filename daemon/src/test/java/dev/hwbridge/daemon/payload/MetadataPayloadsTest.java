package dev.hwbridge.daemon.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.testing.ChainVectors;
import dev.hwbridge.daemon.testing.VectorPayloads;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Signing payloads written from the chain's metadata, byte for byte as polkadot-js wrote the reference cases. */
class MetadataPayloadsTest {

    private static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

    static Stream<String> cases() {
        return Stream.of("polkadot-transfer-keep-alive", "polkadot-transfer-keep-alive-tip-immortal",
                "polkadot-xcm-limited-teleport-v5", "kusama-batch-all-transfers",
                "asset-hub-polkadot-assets-transfer-keep-alive-fee-in-usdt",
                "asset-hub-kusama-foreign-assets-transfer-parachain-asset-fee-in-asset",
                "substrate-v15-transfer-keep-alive", "substrate-v16-transfer-keep-alive");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theSigningPayloadIsTheOnePolkadotJsWrote(String name) throws Exception {
        JsonNode vector = ChainVectors.proof(name);
        Merkleizer merkleizer = VectorPayloads.merkleizer(vector);

        MetadataPayloads.Parts parts = MetadataPayloads.build(VectorPayloads.signerPayload(vector, merkleizer, ALICE),
                merkleizer);

        assertThat(Hex.toHex(parts.signingPayload())).isEqualTo(vector.get("payloadHex").asText());
        assertThat(Hex.toHex(parts.call())).isEqualTo(vector.get("callHex").asText());
    }

    @Test
    void extensionsThatCarryNothingAddNothingEvenWhenNoTableKnowsThem() throws Exception {
        // The V16 substrate node starts its list with AuthorizeCall, which polkadot-js's table lacks.
        JsonNode vector = ChainVectors.proof("substrate-v16-transfer-keep-alive");
        Merkleizer merkleizer = VectorPayloads.merkleizer(vector);
        ObjectNode payload = VectorPayloads.signerPayload(vector, merkleizer, ALICE);
        List<String> names = new java.util.ArrayList<>();
        payload.get("signedExtensions").forEach(n -> names.add(n.asText()));
        assertThat(names).anyMatch(n -> SignedExtensions.find(n).isEmpty());

        assertThat(SignerPayloads.fromSignerPayload(payload).unknownExtensions()).contains("AuthorizeCall");
        assertThat(Hex.toHex(MetadataPayloads.build(payload, merkleizer).signingPayload()))
                .isEqualTo(vector.get("payloadHex").asText());
    }

    @Test
    void signedExtensionsOtherThanTheMetadatasAreRefused() {
        JsonNode vector = ChainVectors.proof("polkadot-transfer-keep-alive");
        Merkleizer merkleizer = VectorPayloads.merkleizer(vector);
        ObjectNode payload = VectorPayloads.signerPayload(vector, merkleizer, ALICE);
        ((com.fasterxml.jackson.databind.node.ArrayNode) payload.get("signedExtensions")).remove(0);

        assertThatThrownBy(() -> MetadataPayloads.build(payload, merkleizer))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.field()).isEqualTo("signedExtensions"));
    }

    @Test
    void aValueTheChainsTypeCannotHoldIsRefused() {
        JsonNode vector = ChainVectors.proof("polkadot-transfer-keep-alive");
        Merkleizer merkleizer = VectorPayloads.merkleizer(vector);
        // Polkadot's nonce is a Compact<u32>.
        ObjectNode payload = VectorPayloads.signerPayload(vector, merkleizer, ALICE).put("nonce", "0x100000000");
        ObjectNode mode = VectorPayloads.signerPayload(vector, merkleizer, ALICE).put("mode", 2);
        ObjectNode era = VectorPayloads.signerPayload(vector, merkleizer, ALICE).put("era", "0x0000");

        assertThatThrownBy(() -> MetadataPayloads.build(payload, merkleizer))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.field()).isEqualTo("nonce"));
        assertThatThrownBy(() -> MetadataPayloads.build(mode, merkleizer))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.field()).isEqualTo("mode"));
        assertThatThrownBy(() -> MetadataPayloads.build(era, merkleizer)).isInstanceOf(InvalidPayloadException.class);
    }

    @Test
    void aCallTheMetadataDoesNotDecodeIsRefused() {
        JsonNode vector = ChainVectors.proof("polkadot-transfer-keep-alive");
        Merkleizer merkleizer = VectorPayloads.merkleizer(vector);
        ObjectNode payload = VectorPayloads.signerPayload(vector, merkleizer, ALICE).put("method", "0xff00");

        assertThatThrownBy(() -> MetadataPayloads.build(payload, merkleizer))
                .isInstanceOfSatisfying(InvalidPayloadException.class,
                        e -> assertThat(e.getMessage()).startsWith("does not decode with the chain's metadata"));
    }
}
