package dev.hwbridge.protocol.metadata.scale;

/**
 * The primitive types of scale-info and of RFC-0078, in the order both encode them (index 0 to 14).
 * {@code size} is the encoded width in bytes; a string has none.
 */
public enum Primitive {
    BOOL("bool", 1, false),
    CHAR("char", 4, false),
    STR("str", -1, false),
    U8("u8", 1, false),
    U16("u16", 2, false),
    U32("u32", 4, false),
    U64("u64", 8, false),
    U128("u128", 16, false),
    U256("u256", 32, false),
    I8("i8", 1, true),
    I16("i16", 2, true),
    I32("i32", 4, true),
    I64("i64", 8, true),
    I128("i128", 16, true),
    I256("i256", 32, true);

    private static final Primitive[] VALUES = values();

    private final String rustName;
    private final int size;
    private final boolean signed;

    Primitive(String rustName, int size, boolean signed) {
        this.rustName = rustName;
        this.size = size;
        this.signed = signed;
    }

    /** The primitive with encoding index {@code index} (0 to 14). */
    public static Primitive ofIndex(int index) {
        return VALUES[index];
    }

    public static int count() {
        return VALUES.length;
    }

    public String rustName() {
        return rustName;
    }

    /** Encoded width in bytes, or -1 for {@code str}. */
    public int size() {
        return size;
    }

    public boolean isSigned() {
        return signed;
    }

    /** An unsigned integer type (u8 … u256). */
    public boolean isUnsignedInteger() {
        return ordinal() >= U8.ordinal() && ordinal() <= U256.ordinal();
    }
}
