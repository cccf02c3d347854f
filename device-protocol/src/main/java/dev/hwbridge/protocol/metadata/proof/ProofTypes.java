package dev.hwbridge.protocol.metadata.proof;

import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.decode.TypeSource;
import dev.hwbridge.protocol.metadata.types.TypeLeaf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The type information a proof carries, by type id; refuses ids with conflicting leaves. Immutable. */
public final class ProofTypes implements TypeSource {

    private final Map<Integer, LeafGroup> groups;

    private ProofTypes(Map<Integer, LeafGroup> groups) {
        this.groups = groups;
    }

    /** @throws MetadataException INVALID_PROOF for two leaves of one id that are not distinct variants */
    public static ProofTypes of(List<TypeLeaf> leaves) {
        Map<Integer, List<Integer>> numbers = new HashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            numbers.computeIfAbsent(leaves.get(i).typeId(), id -> new ArrayList<>(1)).add(i);
        }
        Map<Integer, LeafGroup> groups = new HashMap<>(numbers.size() * 2);
        for (Map.Entry<Integer, List<Integer>> entry : numbers.entrySet()) {
            List<Integer> members = entry.getValue();
            int[] memberNumbers = new int[members.size()];
            TypeLeaf[] memberLeaves = new TypeLeaf[members.size()];
            for (int m = 0; m < memberNumbers.length; m++) {
                memberNumbers[m] = members.get(m);
                memberLeaves[m] = leaves.get(members.get(m));
            }
            check(entry.getKey(), memberLeaves);
            groups.put(entry.getKey(), new LeafGroup(memberNumbers, memberLeaves));
        }
        return new ProofTypes(groups);
    }

    private static void check(int typeId, TypeLeaf[] leaves) {
        if (leaves.length == 1) {
            return;
        }
        for (int i = 0; i < leaves.length; i++) {
            if (leaves[i].variantIndex() < 0) {
                throw new MetadataException(MetadataError.INVALID_PROOF,
                        "type #" + typeId + " has several leaves and one is not an enum variant");
            }
            for (int j = 0; j < i; j++) {
                if (leaves[i].variantIndex() == leaves[j].variantIndex()) {
                    throw new MetadataException(MetadataError.INVALID_PROOF,
                            "type #" + typeId + " has variant " + leaves[i].variantIndex() + " twice");
                }
            }
        }
    }

    @Override
    public LeafGroup group(int typeId) {
        return groups.get(typeId);
    }
}
