package dev.hwbridge.protocol.metadata.types;

import java.util.List;

/** RFC-0078's {@code TypeDef}; an enumeration is one variant (each variant is a leaf of its own). */
public sealed interface TypeDef {

    record Composite(List<Field> fields) implements TypeDef {
    }

    record Enumeration(String name, List<Field> fields, int index) implements TypeDef {
    }

    record Sequence(TypeRef element) implements TypeDef {
    }

    record Array(long length, TypeRef element) implements TypeDef {
    }

    record Tuple(List<TypeRef> elements) implements TypeDef {
    }

    record BitSequence(int numBytes, boolean leastSignificantBitFirst) implements TypeDef {
    }
}
