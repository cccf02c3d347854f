package dev.hwbridge.simulator.keys.sr25519;

import java.util.Arrays;

/**
 * The Keccak-f[1600] permutation (FIPS 202, section 3.3; 24 rounds of θ, ρ, π, χ, ι), written
 * from the specification because BouncyCastle keeps its permutation private. Stateless and
 * thread-safe.
 *
 * <p>Byte order is the one STROBE and FIPS 202 use: lane {@code x + 5y} holds state bytes
 * {@code 8(x + 5y) .. 8(x + 5y) + 7}, little-endian.
 */
final class KeccakF1600 {

    static final int STATE_BYTES = 200;

    private static final int ROUNDS = 24;

    /** ι: the round constants RC[i] of FIPS 202 algorithm 5/6. */
    private static final long[] ROUND_CONSTANTS = {
        0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
        0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
        0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
        0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
        0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
        0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L,
    };

    /** ρ: rotation offset of lane x + 5y (FIPS 202 table 2). */
    private static final int[] RHO = {
        0, 1, 62, 28, 27,
        36, 44, 6, 55, 20,
        3, 10, 43, 25, 39,
        41, 45, 15, 21, 8,
        18, 2, 61, 56, 14,
    };

    private KeccakF1600() {
    }

    /** Permutes a 200-byte state in place. */
    static void permute(byte[] state) {
        long[] lanes = new long[25];
        for (int i = 0; i < 25; i++) {
            lanes[i] = readLong(state, 8 * i);
        }
        permute(lanes);
        for (int i = 0; i < 25; i++) {
            writeLong(lanes[i], state, 8 * i);
        }
        // The lanes copy holds the same secret state as the bytes.
        Arrays.fill(lanes, 0L);
    }

    /** Permutes 25 lanes in place. */
    static void permute(long[] a) {
        long[] c = new long[5];
        long[] b = new long[25];
        for (int round = 0; round < ROUNDS; round++) {
            // θ: each lane absorbs the parities of two neighbouring columns.
            for (int x = 0; x < 5; x++) {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }
            for (int x = 0; x < 5; x++) {
                long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
                for (int y = 0; y < 25; y += 5) {
                    a[x + y] ^= d;
                }
            }
            // ρ and π: rotate each lane, then move lane (x, y) to (y, 2x + 3y).
            for (int x = 0; x < 5; x++) {
                for (int y = 0; y < 5; y++) {
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[x + 5 * y], RHO[x + 5 * y]);
                }
            }
            // χ: the only non-linear step, row by row.
            for (int y = 0; y < 25; y += 5) {
                for (int x = 0; x < 5; x++) {
                    a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
                }
            }
            // ι
            a[0] ^= ROUND_CONSTANTS[round];
        }
        Arrays.fill(b, 0L);
        Arrays.fill(c, 0L);
    }

    private static long readLong(byte[] bytes, int offset) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (bytes[offset + i] & 0xffL);
        }
        return v;
    }

    private static void writeLong(long v, byte[] bytes, int offset) {
        for (int i = 0; i < 8; i++) {
            bytes[offset + i] = (byte) (v >>> (8 * i));
        }
    }
}
