package dev.hwbridge.protocol.metadata.proof;

import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.decode.TypeSource;
import dev.hwbridge.protocol.metadata.types.TypeLeaf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** Linear in the group's size: a hostile proof may put all its leaves under one id. */
    private static void check(int typeId, TypeLeaf[] leaves) {
        if (leaves.length == 1) {
            return;
        }
        Set<Integer> variants = new HashSet<>(leaves.length * 2);
        for (TypeLeaf leaf : leaves) {
            if (leaf.variantIndex() < 0) {
                throw new MetadataException(MetadataError.INVALID_PROOF,
                        "type #" + typeId + " has several leaves and one is not an enum variant");
            }
            if (!variants.add(leaf.variantIndex())) {
                throw new MetadataException(MetadataError.INVALID_PROOF,
                        "type #" + typeId + " has variant " + leaf.variantIndex() + " twice");
            }
        }
    }

    @Override
    public LeafGroup group(int typeId) {
        return groups.get(typeId);
    }
}
