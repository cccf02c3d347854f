package dev.hwbridge.protocol.metadata.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.MetadataVectors;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import dev.hwbridge.protocol.metadata.proof.MetadataTypes;
import dev.hwbridge.protocol.metadata.proof.Proof;
import dev.hwbridge.protocol.metadata.proof.ProofCodec;
import dev.hwbridge.protocol.metadata.proof.ProofTypes;
import dev.hwbridge.protocol.metadata.render.TransactionRenderer;
import dev.hwbridge.protocol.metadata.types.ExtrinsicMetadata;

/**
 * Decodes arbitrary payloads with the types of Kusama's batch-of-transfers proof, as a signer
 * would a payload a host sends beside a genuine proof: a decoding is exactly the whole metadata's,
 * and it renders; anything else is a decode error.
 */
class PayloadDecoderFuzzTest {

    private static final MetadataVectors.ProofCase VECTOR = MetadataVectors.proof("kusama-batch-all-transfers");
    private static final Merkleizer MERKLEIZER = VECTOR.merkleizer();
    private static final MetadataTypes ALL_TYPES = MetadataTypes.of(MERKLEIZER);
    private static final Proof PROOF = ProofCodec.parse(VECTOR.proof());
    private static final ProofTypes PROOF_TYPES = ProofTypes.of(PROOF.leaves());

    @FuzzTest
    void anyPayloadDecodesAsTheWholeMetadataDecodesItOrIsRefused(byte[] payload) {
        ExtrinsicMetadata extrinsic = PROOF.extrinsic();
        DecodedPayload decoded;
        try {
            decoded = PayloadDecoder.decode(extrinsic, PROOF_TYPES, payload);
        } catch (MetadataException refused) {
            assertThat(refused.code()).isIn(MetadataError.TRUNCATED, MetadataError.MALFORMED,
                    MetadataError.LIMIT_EXCEEDED, MetadataError.TRAILING_BYTES, MetadataError.UNKNOWN_TYPE);
            return;
        }
        assertThat(decoded).isEqualTo(PayloadDecoder.decode(extrinsic, ALL_TYPES, payload));
        try {
            assertThat(TransactionRenderer.render(decoded, PROOF.extraInfo(), extrinsic.callType()).call()).isNotEmpty();
        } catch (MetadataException tooLong) {
            assertThat(tooLong.code()).isEqualTo(MetadataError.LIMIT_EXCEEDED);
        }
    }
}
