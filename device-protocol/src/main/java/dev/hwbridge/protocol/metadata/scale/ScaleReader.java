package dev.hwbridge.protocol.metadata.scale;

import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads SCALE values from a byte array, as parity-scale-codec decodes them: little-endian
 * integers, canonical compact integers only, strict UTF-8. Every length and count is checked
 * against the bytes that remain (and against the caller's fixed bound) before anything is
 * allocated for it. Not thread-safe; one reader per input.
 */
public final class ScaleReader {

    private static final BigInteger TWO_POW_30 = BigInteger.ONE.shiftLeft(30);

    private final byte[] data;
    private final int end;
    private int position;

    public ScaleReader(byte[] data) {
        this(data, 0, data.length);
    }

    /** Reads {@code data[from..to)}; positions are offsets into {@code data}. */
    public ScaleReader(byte[] data, int from, int to) {
        if (from < 0 || to > data.length || from > to) {
            throw new IndexOutOfBoundsException("range " + from + ".." + to + " of " + data.length);
        }
        this.data = data;
        this.position = from;
        this.end = to;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return end - position;
    }

    public boolean atEnd() {
        return position == end;
    }

    /** The bytes read so far from {@code from} (an earlier {@link #position()}) to here. */
    public byte[] slice(int from) {
        return Arrays.copyOfRange(data, from, position);
    }

    /** Refuses bytes left after the value {@code what}. */
    public void expectEnd(String what) {
        if (position != end) {
            throw new MetadataException(MetadataError.TRAILING_BYTES,
                    remaining() + " bytes left after " + what);
        }
    }

    private void need(int count, String what) {
        if (count > end - position) {
            throw new MetadataException(MetadataError.TRUNCATED,
                    "input ends inside " + what + " at offset " + position);
        }
    }

    public int u8(String what) {
        need(1, what);
        return data[position++] & 0xff;
    }

    public int u16(String what) {
        need(2, what);
        int value = (data[position] & 0xff) | (data[position + 1] & 0xff) << 8;
        position += 2;
        return value;
    }

    public long u32(String what) {
        need(4, what);
        long value = (data[position] & 0xffL) | (data[position + 1] & 0xffL) << 8
                | (data[position + 2] & 0xffL) << 16 | (data[position + 3] & 0xffL) << 24;
        position += 4;
        return value;
    }

    /** A u32 that must not exceed {@code max}. */
    public int u32(String what, int max) {
        long value = u32(what);
        if (value > max) {
            throw new MetadataException(MetadataError.LIMIT_EXCEEDED, what + " " + value + " exceeds " + max);
        }
        return (int) value;
    }

    /** An unsigned little-endian integer of {@code size} bytes. */
    public BigInteger unsigned(int size, String what) {
        need(size, what);
        byte[] bigEndian = new byte[size + 1];
        for (int i = 0; i < size; i++) {
            bigEndian[size - i] = data[position + i];
        }
        position += size;
        return new BigInteger(bigEndian);
    }

    /** A two's-complement little-endian integer of {@code size} bytes. */
    public BigInteger signed(int size, String what) {
        need(size, what);
        byte[] bigEndian = new byte[size];
        for (int i = 0; i < size; i++) {
            bigEndian[size - 1 - i] = data[position + i];
        }
        position += size;
        return new BigInteger(bigEndian);
    }

    public boolean bool(String what) {
        int value = u8(what);
        if (value > 1) {
            throw new MetadataException(MetadataError.MALFORMED, what + " is not a bool (" + value + ")");
        }
        return value == 1;
    }

    /** An enum's variant index, which must be below {@code variants}. */
    public int tag(String what, int variants) {
        int tag = u8(what);
        if (tag >= variants) {
            throw new MetadataException(MetadataError.MALFORMED, "unknown " + what + " variant " + tag);
        }
        return tag;
    }

    /** An {@code Option}'s tag: true for Some. */
    public boolean option(String what) {
        return tag(what, 2) == 1;
    }

    public byte[] bytes(int count, String what) {
        need(count, what);
        byte[] out = Arrays.copyOfRange(data, position, position + count);
        position += count;
        return out;
    }

    public void skip(int count, String what) {
        need(count, what);
        position += count;
    }

    /**
     * A canonical compact integer of at most {@code maxBytes} bytes of value (1, 2, 4, 8, 16 or 32
     * for Compact&lt;u8&gt; … Compact&lt;u256&gt;; a value that does not fit is MALFORMED).
     */
    public BigInteger compact(int maxBytes, String what) {
        need(1, what);
        int mode = data[position] & 0x03;
        if (mode != 3) {
            BigInteger value = BigInteger.valueOf(compactSmall(what));
            if (value.bitLength() > maxBytes * 8) {
                throw new MetadataException(MetadataError.MALFORMED, what + " out of range");
            }
            return value;
        }
        int size = ((data[position] & 0xff) >> 2) + 4;
        if (size > maxBytes) {
            throw new MetadataException(MetadataError.MALFORMED, what + " out of range");
        }
        position++;
        BigInteger value = unsigned(size, what);
        // parity-scale-codec: the big form only for values that need it, with no zero top byte.
        if (value.compareTo(TWO_POW_30) < 0 || value.bitLength() <= (size - 1) * 8) {
            throw new MetadataException(MetadataError.MALFORMED, what + " is not a canonical compact");
        }
        return value;
    }

    /** A canonical compact integer that fits a u32. */
    public long compactU32(String what) {
        need(1, what);
        if ((data[position] & 0x03) != 3) {
            return compactSmall(what);
        }
        if ((data[position] & 0xff) != 3) {
            throw new MetadataException(MetadataError.MALFORMED, what + " exceeds a u32");
        }
        position++;
        long value = u32(what);
        if (value < (1L << 30)) {
            throw new MetadataException(MetadataError.MALFORMED, what + " is not a canonical compact");
        }
        return value;
    }

    /** A compact u32 used as an index or id: at most {@code max}. */
    public int compactIndex(String what, int max) {
        long value = compactU32(what);
        if (value > max) {
            throw new MetadataException(MetadataError.LIMIT_EXCEEDED, what + " " + value + " exceeds " + max);
        }
        return (int) value;
    }

    /**
     * The compact count of a sequence: at most {@code max}, and at most what the remaining bytes
     * can hold when each element takes at least {@code minElementBytes}.
     */
    public int count(String what, int max, int minElementBytes) {
        int count = compactIndex(what, max);
        if ((long) count * minElementBytes > remaining()) {
            throw new MetadataException(MetadataError.TRUNCATED,
                    what + " " + count + " is more than the input holds");
        }
        return count;
    }

    /** A compact-length-prefixed UTF-8 string of at most {@code maxBytes} bytes. */
    public String string(String what, int maxBytes) {
        int length = count(what, maxBytes, 1);
        int from = position;
        position += length;
        boolean ascii = true;
        for (int i = from; i < position; i++) {
            if (data[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(data, from, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, from, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MetadataException(MetadataError.MALFORMED, what + " is not UTF-8");
        }
    }

    /** Skips a compact-length-prefixed string (documentation), unchecked beyond its length. */
    public void skipString(String what, int maxBytes) {
        int length = count(what, maxBytes, 1);
        position += length;
    }

    /** Compact modes 0, 1 and 2 (values below 2^30), canonical. */
    private long compactSmall(String what) {
        int first = data[position] & 0xff;
        switch (first & 0x03) {
            case 0:
                position++;
                return first >> 2;
            case 1: {
                long value = u16(what) >> 2;
                if (value < (1 << 6)) {
                    throw new MetadataException(MetadataError.MALFORMED, what + " is not a canonical compact");
                }
                return value;
            }
            default: {
                long value = u32(what) >> 2;
                if (value < (1 << 14)) {
                    throw new MetadataException(MetadataError.MALFORMED, what + " is not a canonical compact");
                }
                return value;
            }
        }
    }
}
