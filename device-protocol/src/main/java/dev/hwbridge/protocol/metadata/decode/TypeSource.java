package dev.hwbridge.protocol.metadata.decode;

import dev.hwbridge.protocol.metadata.types.TypeLeaf;

/** Where the decoder finds the leaves of a type id: all the metadata's, or a proof's few. */
public interface TypeSource {

    /**
     * The leaves with RFC type id {@code typeId}, or null if there are none. Either exactly one
     * leaf that is not an enumeration variant, or one or more variants with distinct indices.
     */
    LeafGroup group(int typeId);

    /** Leaves sharing one type id, with their numbers in the source (for proof building). */
    record LeafGroup(int[] numbers, TypeLeaf[] leaves) {

        public boolean isEnumeration() {
            return leaves[0].variantIndex() >= 0;
        }
    }
}
