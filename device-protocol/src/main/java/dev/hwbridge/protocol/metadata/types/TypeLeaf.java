package dev.hwbridge.protocol.metadata.types;

import java.util.List;

/** RFC-0078's {@code Type}: a leaf of the type information tree, {@code typeId} its (shared) id. */
public record TypeLeaf(List<String> path, TypeDef def, int typeId) {

    /** The variant of an enumeration leaf, or -1. */
    public int variantIndex() {
        return def instanceof TypeDef.Enumeration enumeration ? enumeration.index() : -1;
    }
}
