package dev.hwbridge.protocol.metadata.proof;

import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.digest.Blake3;
import dev.hwbridge.protocol.metadata.digest.MerkleTree;
import java.util.List;

/**
 * Rebuilds the type tree's root from a proof, walking down from the root: a node that is the next
 * leaf takes that leaf's hash, a node above the next leaf is the hash of its two children, any
 * other node takes the next of the proof's hashes. Every leaf and every hash must be used exactly
 * once. The walk is as deep as the deepest leaf index, at most 32 levels (indices are u32).
 */
final class ProofRoot {

    private final List<byte[]> encodedLeaves;
    private final long[] indices;
    private final List<byte[]> hashes;
    private int nextLeaf;
    private int nextHash;

    private ProofRoot(Proof proof) {
        this.encodedLeaves = proof.encodedLeaves();
        this.indices = proof.leafIndices();
        this.hashes = proof.hashes();
    }

    /** @throws MetadataException INVALID_PROOF when the leaves and hashes do not make one tree */
    static byte[] rebuild(Proof proof) {
        ProofRoot walk = new ProofRoot(proof);
        byte[] root = walk.node(0);
        if (walk.nextLeaf != walk.indices.length) {
            throw new MetadataException(MetadataError.INVALID_PROOF,
                    (walk.indices.length - walk.nextLeaf) + " leaves of the proof are not in its tree (indices out of order?)");
        }
        if (walk.nextHash != walk.hashes.size()) {
            throw new MetadataException(MetadataError.INVALID_PROOF,
                    (walk.hashes.size() - walk.nextHash) + " hashes of the proof are left over");
        }
        return root;
    }

    private byte[] node(long index) {
        if (nextLeaf < indices.length) {
            long leaf = indices[nextLeaf];
            if (leaf == index) {
                byte[] hash = Blake3.hash(encodedLeaves.get(nextLeaf));
                nextLeaf++;
                return hash;
            }
            if (MerkleTree.isAncestorOrSelf(index, leaf)) {
                byte[] left = node(2 * index + 1);
                byte[] right = node(2 * index + 2);
                return Blake3.node(left, right);
            }
        }
        if (nextHash == hashes.size()) {
            throw new MetadataException(MetadataError.INVALID_PROOF, "the proof lacks the hash of node " + index);
        }
        return hashes.get(nextHash++);
    }
}
