package dev.hwbridge.protocol.metadata.proof;

import dev.hwbridge.protocol.metadata.types.ExtraInfo;
import dev.hwbridge.protocol.metadata.types.ExtrinsicMetadata;
import dev.hwbridge.protocol.metadata.types.TypeLeaf;
import java.util.List;

/**
 * A metadata proof: the leaves a payload needs (each with its exact SCALE bytes, which its hash
 * covers), their node indices in the tree, the hashes of the subtrees left out (in the order a
 * depth-first walk from the root meets them), the extrinsic metadata and the extra information.
 */
public record Proof(List<TypeLeaf> leaves, List<byte[]> encodedLeaves, long[] leafIndices, List<byte[]> hashes,
        ExtrinsicMetadata extrinsic, ExtraInfo extraInfo) {

    public Proof {
        leaves = List.copyOf(leaves);
        encodedLeaves = List.copyOf(encodedLeaves);
        leafIndices = leafIndices.clone();
        hashes = List.copyOf(hashes);
        if (leaves.size() != encodedLeaves.size()) {
            throw new IllegalArgumentException("one encoding per leaf");
        }
    }

    @Override
    public long[] leafIndices() {
        return leafIndices.clone();
    }
}
