package dev.hwbridge.protocol.metadata.types;

import dev.hwbridge.protocol.metadata.scale.Primitive;

/**
 * RFC-0078's {@code TypeRef}: a primitive, a compact integer or void inline, or the id of a type in
 * the type information ({@code PerId}). Encoded as its kind's index (0 to 22), then the compact id
 * for {@code PER_ID}; the indices are those of the {@code merkleized-metadata} crate and
 * {@code @polkadot-api/merkleize-metadata}, which put {@code CompactU256} at 20.
 */
public record TypeRef(Kind kind, int id) {

    /** The kinds of reference, in encoding order. */
    public enum Kind {
        BOOL, CHAR, STR, U8, U16, U32, U64, U128, U256, I8, I16, I32, I64, I128, I256,
        COMPACT_U8, COMPACT_U16, COMPACT_U32, COMPACT_U64, COMPACT_U128, COMPACT_U256,
        VOID, PER_ID;

        private static final Kind[] VALUES = values();

        public static Kind ofIndex(int index) {
            return VALUES[index];
        }

        public static int count() {
            return VALUES.length;
        }

        /** The primitive of a kind 0 to 14, else null. */
        public Primitive primitive() {
            return ordinal() <= I256.ordinal() ? Primitive.ofIndex(ordinal()) : null;
        }

        public boolean isCompact() {
            return ordinal() >= COMPACT_U8.ordinal() && ordinal() <= COMPACT_U256.ordinal();
        }

        /** The widest value a compact kind holds, in bytes (1 for CompactU8 … 32 for CompactU256). */
        public int compactBytes() {
            return 1 << (ordinal() - COMPACT_U8.ordinal());
        }
    }

    private static final TypeRef[] INLINE = new TypeRef[Kind.PER_ID.ordinal()];

    static {
        for (int i = 0; i < INLINE.length; i++) {
            INLINE[i] = new TypeRef(Kind.ofIndex(i), -1);
        }
    }

    public TypeRef {
        if ((kind == Kind.PER_ID) != (id >= 0)) {
            throw new IllegalArgumentException("only PerId carries an id, and it must");
        }
    }

    /** An inline kind (anything but PER_ID). */
    public static TypeRef of(Kind kind) {
        return INLINE[kind.ordinal()];
    }

    public static TypeRef of(Primitive primitive) {
        return INLINE[primitive.ordinal()];
    }

    public static TypeRef perId(int id) {
        return new TypeRef(Kind.PER_ID, id);
    }

    public static TypeRef voidRef() {
        return INLINE[Kind.VOID.ordinal()];
    }

    public boolean isPerId() {
        return kind == Kind.PER_ID;
    }

    @Override
    public String toString() {
        return kind == Kind.PER_ID ? "#" + id : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
