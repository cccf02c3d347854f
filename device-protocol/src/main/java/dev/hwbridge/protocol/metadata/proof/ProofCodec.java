package dev.hwbridge.protocol.metadata.proof;

import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.scale.ScaleReader;
import dev.hwbridge.protocol.metadata.scale.ScaleWriter;
import dev.hwbridge.protocol.metadata.types.ExtraInfo;
import dev.hwbridge.protocol.metadata.types.ExtrinsicMetadata;
import dev.hwbridge.protocol.metadata.types.RfcCodec;
import dev.hwbridge.protocol.metadata.types.TypeLeaf;
import java.util.ArrayList;
import java.util.List;

/**
 * The proof's wire format, as {@code @polkadot-api/merkleize-metadata}, Zondax's generic app and
 * Polkadot Vault use it: {@code Compact(n) ‖ n leaves ‖ Compact(n) ‖ n u32 LE node indices ‖
 * Compact(k) ‖ k 32-byte hashes ‖ ExtrinsicMetadata ‖ ExtraInfo}. Stateless.
 */
public final class ProofCodec {

    /** Proofs of real payloads are 2–10 KB; a batch of many different calls stays far below this. */
    public static final int MAX_PROOF_BYTES = 1 << 20;
    public static final int MAX_LEAVES = 1 << 16;
    public static final int MAX_HASHES = 1 << 16;

    private ProofCodec() {
    }

    public static byte[] encode(Proof proof) {
        ScaleWriter out = new ScaleWriter(4096);
        out.compact(proof.encodedLeaves().size());
        for (byte[] leaf : proof.encodedLeaves()) {
            out.bytes(leaf);
        }
        long[] indices = proof.leafIndices();
        out.compact(indices.length);
        for (long index : indices) {
            out.u32(index);
        }
        out.compact(proof.hashes().size());
        for (byte[] hash : proof.hashes()) {
            out.bytes(hash);
        }
        RfcCodec.writeExtrinsic(out, proof.extrinsic());
        RfcCodec.writeExtraInfo(out, proof.extraInfo());
        return out.toByteArray();
    }

    /**
     * @throws MetadataException LIMIT_EXCEEDED, TRUNCATED, MALFORMED, TRAILING_BYTES, or
     *         INVALID_PROOF when the counts of leaves and of indices differ
     */
    public static Proof parse(byte[] bytes) {
        if (bytes.length > MAX_PROOF_BYTES) {
            throw new MetadataException(MetadataError.LIMIT_EXCEEDED, "proof larger than " + MAX_PROOF_BYTES + " bytes");
        }
        ScaleReader in = new ScaleReader(bytes);
        int leafCount = in.count("proof leaves", MAX_LEAVES, 3);
        List<TypeLeaf> leaves = new ArrayList<>(leafCount);
        List<byte[]> encoded = new ArrayList<>(leafCount);
        for (int i = 0; i < leafCount; i++) {
            int start = in.position();
            leaves.add(RfcCodec.readLeaf(in));
            encoded.add(in.slice(start));
        }
        int indexCount = in.count("proof leaf indices", MAX_LEAVES, 4);
        if (indexCount != leafCount) {
            throw new MetadataException(MetadataError.INVALID_PROOF,
                    "the proof has " + leafCount + " leaves but " + indexCount + " leaf indices");
        }
        long[] indices = new long[indexCount];
        for (int i = 0; i < indexCount; i++) {
            indices[i] = in.u32("proof leaf index");
        }
        int hashCount = in.count("proof hashes", MAX_HASHES, 32);
        List<byte[]> hashes = new ArrayList<>(hashCount);
        for (int i = 0; i < hashCount; i++) {
            hashes.add(in.bytes(32, "proof hash"));
        }
        ExtrinsicMetadata extrinsic = RfcCodec.readExtrinsic(in);
        ExtraInfo info = RfcCodec.readExtraInfo(in);
        in.expectEnd("the proof");
        return new Proof(leaves, encoded, indices, hashes, extrinsic, info);
    }
}
