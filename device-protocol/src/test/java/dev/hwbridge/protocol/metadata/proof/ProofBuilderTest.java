package dev.hwbridge.protocol.metadata.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.MetadataVectors;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every proof of the reference vectors, byte for byte as getProofForExtrinsicPayload made it. */
class ProofBuilderTest {

    static List<MetadataVectors.ProofCase> proofs() {
        return MetadataVectors.proofs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proofs")
    void theProofIsTheReferenceLibrarys(MetadataVectors.ProofCase vector) {
        Proof proof = ProofBuilder.forPayload(vector.merkleizer(), vector.payload());

        assertThat(Hex.toHex(ProofCodec.encode(proof))).isEqualTo(vector.json().get("proofHex").asText());
        long[] expectedIndices = LongStream.range(0, vector.json().get("proofLeafIndices").size())
                .map(i -> vector.json().get("proofLeafIndices").get((int) i).asLong()).toArray();
        assertThat(proof.leafIndices()).containsExactly(expectedIndices);
        assertThat(proof.hashes()).hasSize(vector.json().get("proofHashCount").asInt());
    }

    @Test
    void theDeepestLevelsLeavesComeFirst() {
        // Polkadot has 1909 leaves: nodes 1908..3816, of which 2047.. are on the last level.
        long[] indices = ProofBuilder.forPayload(MetadataVectors.proofs().get(0).merkleizer(),
                MetadataVectors.proofs().get(0).payload()).leafIndices();
        int split = 0;
        while (split < indices.length && indices[split] >= 2047) {
            split++;
        }
        assertThat(split).isPositive().isLessThan(indices.length);
        assertThat(Arrays.copyOfRange(indices, 0, split)).isSorted();
        long[] rest = Arrays.copyOfRange(indices, split, indices.length);
        assertThat(rest).isSorted();
        assertThat(Arrays.stream(rest).max().orElseThrow()).isLessThan(2047);
    }

    @Test
    void aPayloadWithBytesLeftOverGetsNoProof() {
        MetadataVectors.ProofCase vector = MetadataVectors.proofs().get(0);
        byte[] longer = Arrays.copyOf(vector.payload(), vector.payload().length + 1);
        assertThatThrownBy(() -> ProofBuilder.forPayload(vector.merkleizer(), longer))
                .isInstanceOfSatisfying(MetadataException.class,
                        e -> assertThat(e.code()).isEqualTo(MetadataError.TRAILING_BYTES));
    }

    @Test
    void aPayloadThatEndsEarlyGetsNoProof() {
        MetadataVectors.ProofCase vector = MetadataVectors.proofs().get(0);
        byte[] shorter = Arrays.copyOf(vector.payload(), vector.payload().length - 1);
        assertThatThrownBy(() -> ProofBuilder.forPayload(vector.merkleizer(), shorter))
                .isInstanceOfSatisfying(MetadataException.class,
                        e -> assertThat(e.code()).isEqualTo(MetadataError.TRUNCATED));
    }

    @Test
    void aCallOfNoPalletGetsNoProof() {
        MetadataVectors.ProofCase vector = MetadataVectors.proofs().get(0);
        byte[] payload = vector.payload();
        payload[0] = (byte) 0xfe;
        assertThatThrownBy(() -> ProofBuilder.forPayload(vector.merkleizer(), payload))
                .isInstanceOfSatisfying(MetadataException.class,
                        e -> assertThat(e.code()).isEqualTo(MetadataError.UNKNOWN_TYPE));
    }
}
