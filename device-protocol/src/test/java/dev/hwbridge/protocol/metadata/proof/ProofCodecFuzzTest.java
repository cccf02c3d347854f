package dev.hwbridge.protocol.metadata.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;

/** Parses arbitrary bytes as a metadata proof and rebuilds its root, as a signer does with what a host sends. */
class ProofCodecFuzzTest {

    @FuzzTest
    void anyBytesAreAProofThatReEncodesToThemOrAMetadataError(byte[] input) {
        Proof proof;
        try {
            proof = ProofCodec.parse(input);
        } catch (MetadataException refused) {
            assertThat(refused.code()).isIn(MetadataError.TRUNCATED, MetadataError.MALFORMED,
                    MetadataError.LIMIT_EXCEEDED, MetadataError.TRAILING_BYTES, MetadataError.INVALID_PROOF);
            return;
        }
        assertThat(ProofCodec.encode(proof)).isEqualTo(input);
        try {
            assertThat(PayloadVerifier.metadataHash(proof)).hasSize(32);
            ProofTypes.of(proof.leaves());
        } catch (MetadataException refused) {
            assertThat(refused.code()).isEqualTo(MetadataError.INVALID_PROOF);
        }
    }
}
