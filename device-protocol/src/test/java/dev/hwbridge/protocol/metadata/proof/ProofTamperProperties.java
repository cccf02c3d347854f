package dev.hwbridge.protocol.metadata.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.MetadataVectors;
import dev.hwbridge.protocol.metadata.decode.DecodedPayload;
import dev.hwbridge.protocol.metadata.decode.PayloadDecoder;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A signer never shows a wrong decoding: a proof with any byte changed is refused, and a payload
 * with any byte changed is refused or decoded exactly as the chain's whole metadata decodes it.
 */
class ProofTamperProperties {

    private static final List<MetadataVectors.ProofCase> CASES = MetadataVectors.proofs();

    @Property(tries = 400)
    void aProofWithAnyByteChangedIsRefused(@ForAll @IntRange(min = 0, max = 1000) int caseNumber,
            @ForAll @IntRange(min = 0, max = 1 << 20) int position, @ForAll @IntRange(min = 1, max = 255) int flip,
            @ForAll boolean withExpectedHash) {
        MetadataVectors.ProofCase vector = CASES.get(caseNumber % CASES.size());
        byte[] proof = vector.proof();
        proof[position % proof.length] ^= (byte) flip;
        try {
            PayloadVerifier.verify(proof, vector.payload(), withExpectedHash ? vector.metadataHash() : null);
            throw new AssertionError("a changed proof verified");
        } catch (MetadataException refused) {
            assertThat(refused.code()).isNotNull();
        }
    }

    @Property(tries = 400)
    void aPayloadWithAnyByteChangedIsRefusedOrDecodedAsTheWholeMetadataDecodesIt(
            @ForAll @IntRange(min = 0, max = 1000) int caseNumber,
            @ForAll @IntRange(min = 0, max = 1 << 20) int position, @ForAll @IntRange(min = 1, max = 255) int flip) {
        MetadataVectors.ProofCase vector = CASES.get(caseNumber % CASES.size());
        byte[] payload = vector.payload();
        payload[position % payload.length] ^= (byte) flip;
        VerifiedPayload verified;
        try {
            verified = PayloadVerifier.verify(vector.proof(), payload, vector.metadataHash());
        } catch (MetadataException refused) {
            return;
        }
        Merkleizer merkleizer = vector.merkleizer();
        DecodedPayload truth = PayloadDecoder.decode(merkleizer.extrinsicMetadata(), MetadataTypes.of(merkleizer),
                payload);
        assertThat(verified.payload()).isEqualTo(truth);
    }
}
