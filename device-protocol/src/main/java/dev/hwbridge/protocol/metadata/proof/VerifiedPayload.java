package dev.hwbridge.protocol.metadata.proof;

import dev.hwbridge.protocol.metadata.decode.DecodedPayload;

/**
 * A signing payload whose metadata proof checked out: the metadata hash both the proof and the
 * payload commit to, the proof (its extrinsic metadata and extra information), and the decoding.
 */
public record VerifiedPayload(byte[] metadataHash, Proof proof, DecodedPayload payload) {

    public VerifiedPayload {
        metadataHash = metadataHash.clone();
    }

    @Override
    public byte[] metadataHash() {
        return metadataHash.clone();
    }
}
