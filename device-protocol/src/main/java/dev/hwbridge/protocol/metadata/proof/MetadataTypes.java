package dev.hwbridge.protocol.metadata.proof;

import dev.hwbridge.protocol.metadata.decode.TypeSource;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import dev.hwbridge.protocol.metadata.types.TypeLeaf;
import java.util.List;

/** All the type information of a merkleized metadata, by type id; leaf numbers are tree order. Immutable. */
public final class MetadataTypes implements TypeSource {

    private final LeafGroup[] groups;

    private MetadataTypes(LeafGroup[] groups) {
        this.groups = groups;
    }

    public static MetadataTypes of(Merkleizer merkleizer) {
        List<TypeLeaf> leaves = merkleizer.leaves();
        int idCount = leaves.isEmpty() ? 0 : leaves.get(leaves.size() - 1).typeId() + 1;
        LeafGroup[] groups = new LeafGroup[idCount];
        int start = 0;
        while (start < leaves.size()) {
            int id = leaves.get(start).typeId();
            int end = start;
            while (end < leaves.size() && leaves.get(end).typeId() == id) {
                end++;
            }
            int[] numbers = new int[end - start];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = start + i;
            }
            groups[id] = new LeafGroup(numbers, leaves.subList(start, end).toArray(TypeLeaf[]::new));
            start = end;
        }
        return new MetadataTypes(groups);
    }

    @Override
    public LeafGroup group(int typeId) {
        return typeId >= 0 && typeId < groups.length ? groups[typeId] : null;
    }
}
