package dev.hwbridge.simulator.state;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The failed-PIN-attempt counter's file: magic "HWBC", version 1, the count as a big-endian u32,
 * then the CRC-32 of those 9 bytes (13 bytes in all). Stateless.
 */
final class AttemptCount {

    static final int FILE_BYTES = 13;
    /** Far above the device's wipe threshold; a larger count can only be damage. */
    static final int MAX_COUNT = StateStore.ALL_ATTEMPTS_SPENT;

    private static final byte[] MAGIC = {'H', 'W', 'B', 'C'};
    private static final int VERSION = 1;

    private AttemptCount() {
    }

    static byte[] encode(int count) {
        ByteBuffer out = ByteBuffer.allocate(FILE_BYTES);
        out.put(MAGIC).put((byte) VERSION).putInt(count);
        out.putInt((int) crc(out.array()));
        return out.array();
    }

    /** @throws StateException {@code CORRUPT} unless the bytes are a valid counter file */
    static int decode(byte[] file) {
        if (file.length != FILE_BYTES) {
            throw corrupt("counter file has the wrong length");
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        if (!Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC) || file[MAGIC.length] != VERSION) {
            throw corrupt("not a counter file (bad magic or version)");
        }
        int count = in.getInt(MAGIC.length + 1);
        if ((int) crc(file) != in.getInt(FILE_BYTES - 4)) {
            throw corrupt("counter file checksum mismatch");
        }
        if (count < 0 || count > MAX_COUNT) {
            throw corrupt("counter out of range");
        }
        return count;
    }

    private static long crc(byte[] file) {
        CRC32 crc = new CRC32();
        crc.update(file, 0, FILE_BYTES - 4);
        return crc.getValue();
    }

    private static StateException corrupt(String message) {
        return new StateException(StateError.CORRUPT, message);
    }
}
