package dev.hwbridge.protocol.metadata.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(Blake3.hash(new byte[] {(byte) i}));
        }
        return leaves;
    }

    @Test
    void anEmptyTreesRootIsZeros() {
        assertThat(MerkleTree.ofLeafHashes(List.of()).root()).isEqualTo(new byte[32]);
    }

    @Test
    void aSingleLeafIsTheRoot() {
        List<byte[]> one = leaves(1);
        assertThat(MerkleTree.ofLeafHashes(one).root()).isEqualTo(one.get(0));
    }

    @Test
    void fiveLeavesMakeTheRfcsTree() {
        // RFC-0078's example: the root is [[[3, 4], 0], [1, 2]].
        List<byte[]> l = leaves(5);
        byte[] expected = Blake3.node(
                Blake3.node(Blake3.node(l.get(3), l.get(4)), l.get(0)),
                Blake3.node(l.get(1), l.get(2)));
        assertThat(MerkleTree.ofLeafHashes(l).root()).isEqualTo(expected);
    }

    @Test
    void sixLeavesFollowTheArrayLayoutOfTheReferenceLibrary() {
        // The RFC's prose builds [[[0, 1], [2, 3]], [4, 5]] here; @polkadot-api/merkleize-metadata and
        // the chains' hashes use the array layout instead: nodes 5..10 are the leaves, so node 2
        // holds leaves 0 and 1 and node 1 the rest.
        List<byte[]> l = leaves(6);
        byte[] expected = Blake3.node(
                Blake3.node(Blake3.node(l.get(2), l.get(3)), Blake3.node(l.get(4), l.get(5))),
                Blake3.node(l.get(0), l.get(1)));
        assertThat(MerkleTree.ofLeafHashes(l).root()).isEqualTo(expected);
    }

    @Test
    void levelsAndAncestorsFollowTheArrayLayout() {
        assertThat(MerkleTree.level(0)).isZero();
        assertThat(MerkleTree.level(2)).isEqualTo(1);
        assertThat(MerkleTree.level(3)).isEqualTo(2);
        assertThat(MerkleTree.isAncestorOrSelf(0, 4_000_000_000L)).isTrue();
        assertThat(MerkleTree.isAncestorOrSelf(1, 4)).isTrue();
        assertThat(MerkleTree.isAncestorOrSelf(2, 4)).isFalse();
        assertThat(MerkleTree.isAncestorOrSelf(4, 1)).isFalse();
        assertThat(MerkleTree.isAncestorOrSelf(5, 5)).isTrue();
    }
}
