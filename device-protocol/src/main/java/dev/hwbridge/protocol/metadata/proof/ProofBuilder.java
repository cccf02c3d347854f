package dev.hwbridge.protocol.metadata.proof;

import dev.hwbridge.protocol.metadata.decode.PayloadDecoder;
import dev.hwbridge.protocol.metadata.digest.MerkleTree;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import dev.hwbridge.protocol.metadata.types.TypeLeaf;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The proof for an extrinsic signing payload, byte for byte as {@code getProofForExtrinsicPayload}
 * of {@code @polkadot-api/merkleize-metadata} 1.3.0 makes it: the leaves the payload's decoding
 * uses (an enum only by the variants that occur), ordered as a depth-first walk meets them (the
 * tree's deepest level first), and the hashes of the subtrees that hold none of them.
 */
public final class ProofBuilder {

    private ProofBuilder() {
    }

    /**
     * @param payload call ‖ extra ‖ additional signed, unhashed
     * @throws dev.hwbridge.protocol.metadata.MetadataException when the payload does not decode
     *         with this metadata (TRUNCATED, MALFORMED, UNKNOWN_TYPE, TRAILING_BYTES, LIMIT_EXCEEDED)
     */
    public static Proof forPayload(Merkleizer merkleizer, byte[] payload) {
        BitSet used = new BitSet(merkleizer.leaves().size());
        PayloadDecoder.decode(merkleizer.extrinsicMetadata(), MetadataTypes.of(merkleizer), payload, used::set);
        MerkleTree tree = merkleizer.tree();
        List<Long> nodeIndices = new ArrayList<>(used.cardinality());
        for (int leaf = used.nextSetBit(0); leaf >= 0; leaf = used.nextSetBit(leaf + 1)) {
            nodeIndices.add((long) tree.nodeIndexOfLeaf(leaf));
        }
        moveDeepestLevelFirst(nodeIndices);
        List<Long> hashNodes = new ArrayList<>();
        new Walk(nodeIndices, hashNodes).visit(0);

        List<TypeLeaf> leaves = new ArrayList<>(nodeIndices.size());
        List<byte[]> encoded = new ArrayList<>(nodeIndices.size());
        long[] indices = new long[nodeIndices.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = nodeIndices.get(i);
            int leaf = (int) (indices[i] - (tree.leafCount() - 1));
            leaves.add(merkleizer.leaves().get(leaf));
            encoded.add(merkleizer.encodedLeaf(leaf));
        }
        List<byte[]> hashes = new ArrayList<>(hashNodes.size());
        for (long node : hashNodes) {
            hashes.add(tree.node((int) node));
        }
        return new Proof(leaves, encoded, indices, hashes, merkleizer.extrinsicMetadata(), merkleizer.extraInfo());
    }

    /**
     * Ascending node indices are in walk order except that the leaves on the tree's last level,
     * which are all to the left of the level above's leaves, come first.
     */
    private static void moveDeepestLevelFirst(List<Long> nodeIndices) {
        if (nodeIndices.isEmpty()) {
            return;
        }
        int deepest = MerkleTree.level(nodeIndices.get(nodeIndices.size() - 1));
        long firstOfLevel = (1L << deepest) - 1;
        int split = 0;
        while (split < nodeIndices.size() && nodeIndices.get(split) < firstOfLevel) {
            split++;
        }
        if (split > 0 && split < nodeIndices.size()) {
            List<Long> reordered = new ArrayList<>(nodeIndices.subList(split, nodeIndices.size()));
            reordered.addAll(nodeIndices.subList(0, split));
            nodeIndices.clear();
            nodeIndices.addAll(reordered);
        }
    }

    /** The depth-first walk that collects the nodes whose hashes the proof carries. */
    private static final class Walk {
        private final List<Long> leaves;
        private final List<Long> hashNodes;
        private int next;

        Walk(List<Long> leaves, List<Long> hashNodes) {
            this.leaves = leaves;
            this.hashNodes = hashNodes;
        }

        void visit(long node) {
            if (next == leaves.size()) {
                hashNodes.add(node);
                return;
            }
            long target = leaves.get(next);
            if (target == node) {
                next++;
                return;
            }
            if (!MerkleTree.isAncestorOrSelf(node, target)) {
                hashNodes.add(node);
                return;
            }
            visit(2 * node + 1);
            visit(2 * node + 2);
        }
    }
}
