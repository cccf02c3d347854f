package dev.hwbridge.daemon.payload;

import java.math.BigInteger;

/** The few SCALE encodings a signing payload needs, little-endian as SCALE has them. */
public final class Scale {

    /** 2^128: compact values here are u128 at most (a Balance). */
    public static final BigInteger U128_LIMIT = BigInteger.ONE.shiftLeft(128);

    private static final BigInteger SINGLE_BYTE_LIMIT = BigInteger.valueOf(1L << 6);
    private static final BigInteger TWO_BYTE_LIMIT = BigInteger.valueOf(1L << 14);
    private static final BigInteger FOUR_BYTE_LIMIT = BigInteger.valueOf(1L << 30);

    private Scale() {
    }

    /**
     * SCALE {@code Compact<u128>}: below 2^6 one byte {@code v<<2}; below 2^14 two bytes
     * {@code v<<2|1}; below 2^30 four bytes {@code v<<2|2}; else a byte {@code (n-4)<<2|3} followed
     * by the n little-endian bytes of the value, n the fewest that hold it (at least 4).
     *
     * @throws IllegalArgumentException for a negative value or one of 2^128 or more
     */
    public static byte[] compact(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(U128_LIMIT) >= 0) {
            throw new IllegalArgumentException("a compact here is 0 .. 2^128-1");
        }
        if (value.compareTo(SINGLE_BYTE_LIMIT) < 0) {
            return new byte[] {(byte) (value.intValue() << 2)};
        }
        if (value.compareTo(TWO_BYTE_LIMIT) < 0) {
            int v = (value.intValue() << 2) | 0b01;
            return new byte[] {(byte) v, (byte) (v >> 8)};
        }
        if (value.compareTo(FOUR_BYTE_LIMIT) < 0) {
            int v = (value.intValue() << 2) | 0b10;
            return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
        }
        int length = Math.max(4, (value.bitLength() + 7) / 8);
        byte[] out = new byte[1 + length];
        out[0] = (byte) (((length - 4) << 2) | 0b11);
        for (int i = 0; i < length; i++) {
            out[1 + i] = value.shiftRight(8 * i).byteValue();
        }
        return out;
    }

    /** SCALE {@code Compact} of a non-negative long. */
    public static byte[] compact(long value) {
        return compact(BigInteger.valueOf(value));
    }

    /**
     * SCALE {@code u32}: four bytes, little-endian.
     *
     * @throws IllegalArgumentException outside 0 .. 2^32-1
     */
    public static byte[] u32(long value) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException("a u32 is 0 .. 2^32-1");
        }
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
    }
}
