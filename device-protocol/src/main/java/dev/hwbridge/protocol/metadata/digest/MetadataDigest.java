package dev.hwbridge.protocol.metadata.digest;

import dev.hwbridge.protocol.metadata.scale.ScaleWriter;
import dev.hwbridge.protocol.metadata.types.ExtraInfo;
import dev.hwbridge.protocol.metadata.types.ExtrinsicMetadata;
import dev.hwbridge.protocol.metadata.types.RfcCodec;

/**
 * {@code MetadataDigest::V1} (enum index 1): the type tree's root, the extrinsic metadata's hash
 * and the extra information. Its {@link #hash()} is the metadata hash that {@code CheckMetadataHash}
 * puts in the signed data.
 */
public record MetadataDigest(byte[] typeTreeRoot, byte[] extrinsicMetadataHash, ExtraInfo extraInfo) {

    private static final int V1 = 1;

    public MetadataDigest {
        typeTreeRoot = typeTreeRoot.clone();
        extrinsicMetadataHash = extrinsicMetadataHash.clone();
    }

    /** The digest of a type tree with this root and this extrinsic metadata. */
    public static MetadataDigest of(byte[] typeTreeRoot, ExtrinsicMetadata extrinsic, ExtraInfo info) {
        return new MetadataDigest(typeTreeRoot, Blake3.hash(RfcCodec.encode(extrinsic)), info);
    }

    @Override
    public byte[] typeTreeRoot() {
        return typeTreeRoot.clone();
    }

    @Override
    public byte[] extrinsicMetadataHash() {
        return extrinsicMetadataHash.clone();
    }

    /** SCALE of {@code MetadataDigest::V1 {…}}. */
    public byte[] encode() {
        ScaleWriter out = new ScaleWriter(128);
        out.u8(V1);
        out.bytes(typeTreeRoot);
        out.bytes(extrinsicMetadataHash);
        RfcCodec.writeExtraInfo(out, extraInfo);
        return out.toByteArray();
    }

    /** The metadata hash: {@code blake3(SCALE(MetadataDigest))}. */
    public byte[] hash() {
        return Blake3.hash(encode());
    }
}
