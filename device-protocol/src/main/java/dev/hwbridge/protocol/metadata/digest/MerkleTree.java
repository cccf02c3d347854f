package dev.hwbridge.protocol.metadata.digest;

import java.util.List;

/**
 * The complete binary tree over the leaves' hashes, stored as an array: node {@code i} has the
 * children {@code 2i+1} and {@code 2i+2}, the {@code n} leaves are nodes {@code n-1 … 2n-2} in
 * order, node 0 is the root. An empty tree's root is 32 zero bytes. Immutable.
 */
public final class MerkleTree {

    private final byte[][] nodes;
    private final int leafCount;

    private MerkleTree(byte[][] nodes, int leafCount) {
        this.nodes = nodes;
        this.leafCount = leafCount;
    }

    /** The tree over these leaf hashes (32 bytes each), in order. */
    public static MerkleTree ofLeafHashes(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return new MerkleTree(new byte[][] {new byte[32]}, 0);
        }
        byte[][] nodes = new byte[2 * n - 1][];
        for (int i = 0; i < n; i++) {
            nodes[n - 1 + i] = leafHashes.get(i);
        }
        for (int i = n - 2; i >= 0; i--) {
            nodes[i] = Blake3.node(nodes[2 * i + 1], nodes[2 * i + 2]);
        }
        return new MerkleTree(nodes, n);
    }

    public byte[] root() {
        return nodes[0].clone();
    }

    public int leafCount() {
        return leafCount;
    }

    /** The node index of leaf {@code leaf} (0-based among the leaves). */
    public int nodeIndexOfLeaf(int leaf) {
        return leafCount - 1 + leaf;
    }

    /** The hash at node index {@code index}. */
    public byte[] node(int index) {
        return nodes[index].clone();
    }

    /** The level of a node index: 0 for the root, 1 for its children … */
    public static int level(long index) {
        return 63 - Long.numberOfLeadingZeros(index + 1);
    }

    /** Whether {@code ancestor} is {@code index} or above it on the way to the root. */
    public static boolean isAncestorOrSelf(long ancestor, long index) {
        int difference = level(index) - level(ancestor);
        return difference >= 0 && ((index + 1) >> difference) - 1 == ancestor;
    }
}
