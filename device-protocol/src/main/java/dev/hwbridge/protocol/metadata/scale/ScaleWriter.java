package dev.hwbridge.protocol.metadata.scale;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Writes SCALE values into a growing buffer, canonical compacts only. Not thread-safe. */
public final class ScaleWriter {

    private final ByteArrayOutputStream out;

    public ScaleWriter() {
        this(64);
    }

    public ScaleWriter(int initialCapacity) {
        out = new ByteArrayOutputStream(initialCapacity);
    }

    public ScaleWriter u8(int value) {
        out.write(value);
        return this;
    }

    public ScaleWriter u16(int value) {
        out.write(value);
        out.write(value >>> 8);
        return this;
    }

    public ScaleWriter u32(long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    public ScaleWriter bool(boolean value) {
        return u8(value ? 1 : 0);
    }

    public ScaleWriter bytes(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    /** A compact integer (0 ≤ value < 2^64 here: counts, ids and indices). */
    public ScaleWriter compact(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative compact");
        }
        if (value < (1 << 6)) {
            return u8((int) (value << 2));
        }
        if (value < (1 << 14)) {
            return u16((int) (value << 2) | 1);
        }
        if (value < (1 << 30)) {
            return u32((value << 2) | 2);
        }
        return compact(BigInteger.valueOf(value));
    }

    public ScaleWriter compact(BigInteger value) {
        // Below 2^30 (bit length up to 30, e.g. 2^29 itself) the small modes apply: the big mode
        // there is not canonical, and readers (ours, parity-scale-codec) refuse it.
        if (value.bitLength() <= 30) {
            return compact(value.longValueExact());
        }
        int size = (value.bitLength() + 7) / 8;
        u8(((size - 4) << 2) | 3);
        byte[] bigEndian = value.toByteArray();
        for (int i = 0; i < size; i++) {
            out.write(bigEndian[bigEndian.length - 1 - i]);
        }
        return this;
    }

    public ScaleWriter string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        compact(utf8.length);
        return bytes(utf8);
    }

    /** {@code Option<String>}. */
    public ScaleWriter optionalString(String value) {
        if (value == null) {
            return u8(0);
        }
        u8(1);
        return string(value);
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
