package dev.hwbridge.protocol.metadata.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.Refusals;
import dev.hwbridge.protocol.metadata.MetadataVectors;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProofCodecTest {

    static List<MetadataVectors.ProofCase> proofs() {
        return MetadataVectors.proofs();
    }

    private static MetadataError refusal(byte[] proof) {
        return Refusals.codeOf(() -> ProofCodec.parse(proof));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proofs")
    void aProofParsesAndEncodesBackToItsBytes(MetadataVectors.ProofCase vector) {
        Proof proof = ProofCodec.parse(vector.proof());

        assertThat(ProofCodec.encode(proof)).isEqualTo(vector.proof());
        assertThat(proof.leaves()).hasSize(vector.json().get("proofLeafCount").asInt());
        assertThat(proof.extraInfo().specName()).isEqualTo(vector.json().get("specName").asText());
    }

    @Test
    void moreIndicesThanLeavesIsAnInvalidProof() {
        // No leaves, one index.
        assertThat(refusal(new byte[] {0, 4, 0, 0, 0, 0})).isEqualTo(MetadataError.INVALID_PROOF);
    }

    @Test
    void bytesAfterTheExtraInformationAreRefused() {
        byte[] proof = MetadataVectors.proofs().get(0).proof();
        assertThat(refusal(Arrays.copyOf(proof, proof.length + 1))).isEqualTo(MetadataError.TRAILING_BYTES);
    }

    @Test
    void aTruncatedProofIsRefused() {
        byte[] proof = MetadataVectors.proofs().get(0).proof();
        assertThat(refusal(Arrays.copyOf(proof, proof.length - 1))).isEqualTo(MetadataError.TRUNCATED);
        assertThat(refusal(new byte[0])).isEqualTo(MetadataError.TRUNCATED);
    }

    @Test
    void aProofLargerThanTheBoundIsRefusedUnread() {
        assertThat(refusal(new byte[ProofCodec.MAX_PROOF_BYTES + 1])).isEqualTo(MetadataError.LIMIT_EXCEEDED);
    }
}
