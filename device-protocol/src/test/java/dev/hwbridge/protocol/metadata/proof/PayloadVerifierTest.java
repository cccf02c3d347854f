package dev.hwbridge.protocol.metadata.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.Refusals;
import dev.hwbridge.protocol.metadata.MetadataVectors;
import dev.hwbridge.protocol.metadata.decode.DecodedExtension;
import dev.hwbridge.protocol.metadata.decode.DecodedPayload;
import dev.hwbridge.protocol.metadata.decode.PayloadDecoder;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PayloadVerifierTest {

    static List<MetadataVectors.ProofCase> proofs() {
        return MetadataVectors.proofs();
    }

    private static MetadataError refusal(byte[] proof, byte[] payload, byte[] expectedHash) {
        return Refusals.codeOf(() -> PayloadVerifier.verify(proof, payload, expectedHash));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proofs")
    void theReferenceProofVerifiesItsPayload(MetadataVectors.ProofCase vector) {
        VerifiedPayload verified = PayloadVerifier.verify(vector.proof(), vector.payload(), vector.metadataHash());

        assertThat(verified.metadataHash()).isEqualTo(vector.metadataHash());
        // The proof's few types decode the payload exactly as the whole metadata does.
        Merkleizer merkleizer = vector.merkleizer();
        assertThat(verified.payload()).isEqualTo(PayloadDecoder.decode(merkleizer.extrinsicMetadata(),
                MetadataTypes.of(merkleizer), vector.payload()));
    }

    @Test
    void withoutAnExpectedHashThePayloadsHashIsTheCheck() {
        MetadataVectors.ProofCase vector = MetadataVectors.proofs().get(0);
        assertThat(PayloadVerifier.verify(vector.proof(), vector.payload(), null).metadataHash())
                .isEqualTo(vector.metadataHash());
    }

    @Test
    void anotherMetadataHashDoesNotVerify() {
        MetadataVectors.ProofCase vector = MetadataVectors.proofs().get(0);
        byte[] other = vector.metadataHash();
        other[31] ^= 1;
        assertThat(refusal(vector.proof(), vector.payload(), other)).isEqualTo(MetadataError.HASH_MISMATCH);
    }

    @Test
    void aPayloadSigningAnotherHashDoesNotVerify() {
        MetadataVectors.ProofCase vector = MetadataVectors.proofs().get(0);
        byte[] payload = vector.payload();
        payload[payload.length - 1] ^= 1;
        assertThat(refusal(vector.proof(), payload, null)).isEqualTo(MetadataError.HASH_MISMATCH);
    }

    @Test
    void aPayloadWithTheMetadataHashDisabledDoesNotVerify() {
        MetadataVectors.ProofCase vector = MetadataVectors.proofs().get(0);
        byte[] disabled = withMetadataHash(vector, 0, new byte[] {0});
        byte[] proof = ProofCodec.encode(ProofBuilder.forPayload(vector.merkleizer(), disabled));
        assertThat(refusal(proof, disabled, vector.metadataHash())).isEqualTo(MetadataError.HASH_NOT_ENABLED);

        byte[] enabledWithoutHash = withMetadataHash(vector, 1, new byte[] {0});
        byte[] proof2 = ProofCodec.encode(ProofBuilder.forPayload(vector.merkleizer(), enabledWithoutHash));
        assertThat(refusal(proof2, enabledWithoutHash, null)).isEqualTo(MetadataError.HASH_NOT_ENABLED);
    }

    @Test
    void aProofForAnotherCallLacksTheVariantThisOneNeeds() {
        MetadataVectors.ProofCase keepAlive = MetadataVectors.proof("polkadot-transfer-keep-alive");
        MetadataVectors.ProofCase allowDeath = MetadataVectors.proof("polkadot-transfer-allow-death");
        assertThat(refusal(keepAlive.proof(), allowDeath.payload(), allowDeath.metadataHash()))
                .isEqualTo(MetadataError.UNKNOWN_TYPE);
    }

    @Test
    void leavesOutOfOrderDoNotRebuildTheTree() {
        Proof proof = ProofCodec.parse(MetadataVectors.proofs().get(0).proof());
        long[] indices = proof.leafIndices();
        long first = indices[0];
        indices[0] = indices[1];
        indices[1] = first;
        Proof swapped = new Proof(proof.leaves(), proof.encodedLeaves(), indices, proof.hashes(), proof.extrinsic(),
                proof.extraInfo());
        assertThat(refusal(ProofCodec.encode(swapped), MetadataVectors.proofs().get(0).payload(), null))
                .isEqualTo(MetadataError.INVALID_PROOF);
    }

    @Test
    void aHashMissingOrLeftOverDoesNotRebuildTheTree() {
        MetadataVectors.ProofCase vector = MetadataVectors.proofs().get(0);
        Proof proof = ProofCodec.parse(vector.proof());
        List<byte[]> fewer = new ArrayList<>(proof.hashes().subList(0, proof.hashes().size() - 1));
        List<byte[]> more = new ArrayList<>(proof.hashes());
        more.add(new byte[32]);
        for (List<byte[]> hashes : List.of(fewer, more)) {
            Proof changed = new Proof(proof.leaves(), proof.encodedLeaves(), proof.leafIndices(), hashes,
                    proof.extrinsic(), proof.extraInfo());
            assertThat(refusal(ProofCodec.encode(changed), vector.payload(), null)).isEqualTo(MetadataError.INVALID_PROOF);
        }
    }

    @Test
    void aLeafTwiceIsAnInvalidProof() {
        Proof proof = ProofCodec.parse(MetadataVectors.proofs().get(0).proof());
        assertThat(Refusals.codeOf(() -> ProofTypes.of(List.of(proof.leaves().get(0), proof.leaves().get(0)))))
                .isEqualTo(MetadataError.INVALID_PROOF);
    }

    /** The vector's payload with CheckMetadataHash's mode byte and signed data replaced. */
    static byte[] withMetadataHash(MetadataVectors.ProofCase vector, int mode, byte[] signedData) {
        Merkleizer merkleizer = vector.merkleizer();
        byte[] payload = vector.payload();
        DecodedPayload decoded = PayloadDecoder.decode(merkleizer.extrinsicMetadata(), MetadataTypes.of(merkleizer),
                payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(vector.call());
        for (DecodedExtension extension : decoded.extensions()) {
            out.writeBytes(extension.identifier().equals(PayloadVerifier.CHECK_METADATA_HASH)
                    ? new byte[] {(byte) mode} : extension.inExtrinsicBytes());
        }
        for (DecodedExtension extension : decoded.extensions()) {
            out.writeBytes(extension.identifier().equals(PayloadVerifier.CHECK_METADATA_HASH)
                    ? signedData : extension.inSignedDataBytes());
        }
        return out.toByteArray();
    }
}
