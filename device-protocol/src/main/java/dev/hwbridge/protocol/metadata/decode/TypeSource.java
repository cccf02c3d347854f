package dev.hwbridge.protocol.metadata.decode;

import dev.hwbridge.protocol.metadata.types.TypeLeaf;
import java.util.Arrays;

/** Where the decoder finds the leaves of a type id: all the metadata's, or a proof's few. */
public interface TypeSource {

    /**
     * The leaves with RFC type id {@code typeId}, or null if there are none. Either exactly one
     * leaf that is not an enumeration variant, or one or more variants with distinct indices.
     */
    LeafGroup group(int typeId);

    /** Leaves sharing one type id, with their numbers in the source (for proof building). */
    final class LeafGroup {

        /** Data selects a variant by one byte, so only indices 0–255 can ever be chosen. */
        private static final int VARIANTS = 256;

        private final int[] numbers;
        private final TypeLeaf[] leaves;
        /** For an enumeration: variant index → position in {@code leaves}, or -1. */
        private final int[] byVariant;

        public LeafGroup(int[] numbers, TypeLeaf[] leaves) {
            if (numbers.length != leaves.length || leaves.length == 0) {
                throw new IllegalArgumentException("one number per leaf, at least one leaf");
            }
            this.numbers = numbers.clone();
            this.leaves = leaves.clone();
            if (leaves[0].variantIndex() < 0) {
                byVariant = null;
                return;
            }
            byVariant = new int[VARIANTS];
            Arrays.fill(byVariant, -1);
            for (int i = 0; i < leaves.length; i++) {
                int index = leaves[i].variantIndex();
                if (index >= 0 && index < VARIANTS && byVariant[index] < 0) {
                    byVariant[index] = i;
                }
            }
        }

        public boolean isEnumeration() {
            return byVariant != null;
        }

        public int size() {
            return leaves.length;
        }

        public TypeLeaf leaf(int position) {
            return leaves[position];
        }

        public int number(int position) {
            return numbers[position];
        }

        /** The position of the variant with this index, or -1 if the group lacks it. */
        public int positionOfVariant(int index) {
            return byVariant != null && index >= 0 && index < VARIANTS ? byVariant[index] : -1;
        }
    }
}
