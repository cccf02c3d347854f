package dev.hwbridge.protocol.metadata.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.MetadataVectors;
import dev.hwbridge.protocol.metadata.types.RfcCodec;
import dev.hwbridge.protocol.metadata.types.TypeLeaf;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every digest of the reference vectors, and its parts, as @polkadot-api/merkleize-metadata 1.3.0 made them. */
class MerkleizerTest {

    static List<MetadataVectors.Digest> acceptedBlobs() {
        return MetadataVectors.acceptedDigests();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedBlobs")
    void theMetadataHashIsTheReferenceLibrarys(MetadataVectors.Digest vector) {
        Merkleizer merkleizer = vector.merkleizer();

        assertThat(Hex.toHex(merkleizer.metadataHash())).isEqualTo(vector.json().get("metadataHash").asText());
        assertThat(merkleizer.extraInfo().specName()).isEqualTo(vector.json().get("specName").asText());
        assertThat(merkleizer.extraInfo().specVersion()).isEqualTo(vector.json().get("specVersion").asLong());
        assertThat(merkleizer.extraInfo().base58Prefix()).isEqualTo(vector.json().get("base58Prefix").asInt());
        assertThat(merkleizer.extraInfo().decimals()).isEqualTo(vector.decimals());
        assertThat(merkleizer.extraInfo().tokenSymbol()).isEqualTo(vector.tokenSymbol());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedBlobs")
    void theDigestsPartsAreTheReferenceLibrarys(MetadataVectors.Digest vector) {
        Merkleizer merkleizer = vector.merkleizer();
        JsonNode json = vector.json();
        List<TypeLeaf> leaves = merkleizer.leaves();

        assertThat(merkleizer.digest().typeTreeRoot()).isEqualTo(vector.bytes("typeTreeRoot"));
        assertThat(RfcCodec.encode(merkleizer.extrinsicMetadata())).isEqualTo(vector.bytes("extrinsicMetadataHex"));
        assertThat(merkleizer.digest().extrinsicMetadataHash()).isEqualTo(vector.bytes("extrinsicMetadataHash"));
        assertThat(leaves).hasSize(json.get("leafCount").asInt());
        assertThat(leaves.get(leaves.size() - 1).typeId() + 1).isEqualTo(json.get("accessibleTypeCount").asInt());
        JsonNode first = json.get("firstLeavesHex");
        for (int i = 0; i < first.size(); i++) {
            assertThat(Hex.toHex(merkleizer.encodedLeaf(i))).as("leaf %d", i).isEqualTo(first.get(i).asText());
        }
        assertThat(Hex.toHex(merkleizer.encodedLeaf(leaves.size() - 1))).isEqualTo(json.get("lastLeafHex").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedBlobs")
    void theBareMetadataHasTheSameHashAsTheWrappedOne(MetadataVectors.Digest vector) {
        byte[] bare = MetadataVectors.bare(vector.metadata());
        assertThat(Merkleizer.of(bare, vector.decimals(), vector.tokenSymbol()).metadataHash())
                .isEqualTo(vector.bytes("metadataHash"));
    }

    @Test
    void leavesAreInTypeIdOrderAndAnEnumsVariantsByIndex() {
        List<TypeLeaf> leaves = MetadataVectors.digests().get(0).merkleizer().leaves();
        for (int i = 1; i < leaves.size(); i++) {
            TypeLeaf previous = leaves.get(i - 1);
            TypeLeaf leaf = leaves.get(i);
            assertThat(leaf.typeId()).isBetween(previous.typeId(), previous.typeId() + 1);
            if (leaf.typeId() == previous.typeId()) {
                assertThat(leaf.variantIndex()).isGreaterThan(previous.variantIndex());
            }
        }
    }

    @Test
    void theDecimalsAndSymbolAreBounded() {
        byte[] metadata = MetadataVectors.metadata("substrate-v15.scale.gz");
        assertThatThrownBy(() -> Merkleizer.of(metadata, 256, "UNIT"))
                .isInstanceOfSatisfying(MetadataException.class,
                        e -> assertThat(e.code()).isEqualTo(MetadataError.LIMIT_EXCEEDED));
        assertThatThrownBy(() -> Merkleizer.of(metadata, 12, "X".repeat(Merkleizer.MAX_TOKEN_SYMBOL_BYTES + 1)))
                .isInstanceOfSatisfying(MetadataException.class,
                        e -> assertThat(e.code()).isEqualTo(MetadataError.LIMIT_EXCEEDED));
    }

    @Test
    void anotherTokenGivesAnotherHash() {
        MetadataVectors.Digest kusama = MetadataVectors.digests().stream()
                .filter(d -> d.file().equals("kusama-v15.scale.gz")).findFirst().orElseThrow();
        assertThat(Merkleizer.of(kusama.metadata(), 10, "KSM").metadataHash())
                .isNotEqualTo(kusama.bytes("metadataHash"));
    }
}
