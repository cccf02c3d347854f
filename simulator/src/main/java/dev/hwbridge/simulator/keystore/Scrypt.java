package dev.hwbridge.simulator.keystore;

import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Pack;

/**
 * scrypt as RFC 7914 defines it: PBKDF2-HMAC-SHA256 (BouncyCastle) around scryptROMix, whose
 * BlockMix runs the Salsa20/8 core. Written for speed on the JSON v3 parameters (N = 2^17, r = 8):
 * blocks are little-endian {@code int} words from start to end, the Salsa20/8 core keeps its
 * state in locals, ROMix's V holds N blocks in one array allocated once per call (shared by the
 * p lanes), BlockMix writes into a second buffer, and nothing is allocated per block. Every
 * buffer that held derived material is zeroed before returning. Stateless and thread-safe.
 */
final class Scrypt {

    /** V takes 128·r·N bytes; above this a request is refused before anything is allocated. */
    static final long MAX_MEMORY_BYTES = 1L << 30;
    /**
     * The most bytes either PBKDF2 step may produce (B is 128·r·p bytes, the output dkLen): far
     * below RFC 7914's own limits, and BouncyCastle counts them in bits in an int (2^28 bytes
     * would already be a negative count).
     */
    static final long MAX_PBKDF2_BYTES = 1L << 27;

    private static final int SALSA_WORDS = 16;

    private Scrypt() {
    }

    /**
     * scrypt(P, S, N, r, p, dkLen).
     *
     * @throws IllegalArgumentException for parameters RFC 7914 rules out (N not a power of 2 above
     *         1, N ≥ 2^(16·r), r or p below 1, dkLen below 1), or whose V would take more than
     *         {@link #MAX_MEMORY_BYTES}, or B or the output more than {@link #MAX_PBKDF2_BYTES};
     *         nothing is allocated then
     */
    static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int dkLen) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(salt, "salt");
        check(n, r, p, dkLen);
        int blockInts = 32 * r;
        byte[] b = pbkdf2(password, salt, p * 128 * r);
        int[] lane = new int[blockInts];
        int[] v = new int[n * blockInts];
        int[] scratch = new int[blockInts];
        int[] t = new int[SALSA_WORDS];
        try {
            for (int i = 0; i < p; i++) {
                Pack.littleEndianToInt(b, i * 128 * r, lane);
                roMix(lane, v, scratch, t, n, r);
                Pack.intToLittleEndian(lane, b, i * 128 * r);
            }
            return pbkdf2(password, b, dkLen);
        } finally {
            Arrays.fill(b, (byte) 0);
            Arrays.fill(lane, 0);
            Arrays.fill(v, 0);
            Arrays.fill(scratch, 0);
            Arrays.fill(t, 0);
        }
    }

    /** @throws IllegalArgumentException as {@link #derive} does, before anything is allocated */
    static void check(int n, int r, int p, int dkLen) {
        // r and p are bounded one by one first, so that no product below can overflow.
        if (r < 1 || p < 1 || r > MAX_PBKDF2_BYTES / 128 || 128L * r * p > MAX_PBKDF2_BYTES) {
            throw new IllegalArgumentException("scrypt needs r ≥ 1, p ≥ 1 and 128·r·p ≤ " + MAX_PBKDF2_BYTES);
        }
        if (n < 2 || Integer.bitCount(n) != 1 || (r < 2 && n >= 1 << 16)) {
            throw new IllegalArgumentException("scrypt's N is a power of 2 above 1 and below 2^(16·r)");
        }
        if (128L * r * n > MAX_MEMORY_BYTES) {
            throw new IllegalArgumentException("scrypt with N=" + n + ", r=" + r + " needs more than "
                    + (MAX_MEMORY_BYTES >> 20) + " MiB");
        }
        if (dkLen < 1 || dkLen > MAX_PBKDF2_BYTES) {
            throw new IllegalArgumentException("scrypt's output length is 1 to " + MAX_PBKDF2_BYTES + " bytes");
        }
    }

    private static byte[] pbkdf2(byte[] password, byte[] salt, int length) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(password, salt, 1);
        return ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
    }

    /**
     * scryptROMix(r, X, N), X in {@code x} (replaced by the result). V[0] is X and V[i+1] is
     * BlockMix(V[i]), each written straight into its slot; then N rounds of X ← BlockMix(X ⊕ V[j]).
     */
    private static void roMix(int[] x, int[] v, int[] scratch, int[] t, int n, int r) {
        int blockInts = 32 * r;
        System.arraycopy(x, 0, v, 0, blockInts);
        for (int i = 0; i < n - 1; i++) {
            blockMix(v, i * blockInts, null, 0, v, (i + 1) * blockInts, t, r);
        }
        blockMix(v, (n - 1) * blockInts, null, 0, x, 0, t, r);
        int[] in = x;
        int[] out = scratch;
        int last = (2 * r - 1) * SALSA_WORDS;
        for (int i = 0; i < n; i++) {
            // Integerify: the first word of the last 64-byte block, mod N (a power of 2).
            int j = in[last] & (n - 1);
            blockMix(in, 0, v, j * blockInts, out, 0, t, r);
            int[] swap = in;
            in = out;
            out = swap;
        }
        // N is even, so the result is back in x.
    }

    /**
     * scryptBlockMix of B = {@code a} (⊕ {@code b} when given), 2r blocks of 16 words, into
     * {@code out}: Y_i = Salsa20/8(Y_{i-1} ⊕ B_i) from Y_{-1} = B_{2r−1}, even Y first, then odd.
     */
    private static void blockMix(int[] a, int aOff, int[] b, int bOff, int[] out, int outOff, int[] t, int r) {
        int last = (2 * r - 1) * SALSA_WORDS;
        for (int k = 0; k < SALSA_WORDS; k++) {
            t[k] = b == null ? a[aOff + last + k] : a[aOff + last + k] ^ b[bOff + last + k];
        }
        for (int i = 0; i < 2 * r; i++) {
            int block = i * SALSA_WORDS;
            if (b == null) {
                for (int k = 0; k < SALSA_WORDS; k++) {
                    t[k] ^= a[aOff + block + k];
                }
            } else {
                for (int k = 0; k < SALSA_WORDS; k++) {
                    t[k] ^= a[aOff + block + k] ^ b[bOff + block + k];
                }
            }
            salsa8(t);
            int slot = ((i & 1) == 0 ? i >> 1 : r + (i >> 1)) * SALSA_WORDS;
            System.arraycopy(t, 0, out, outOff + slot, SALSA_WORDS);
        }
    }

    /** The Salsa20/8 core (RFC 7914 §3) on {@code t}, in place: 4 double rounds, then the input added. */
    static void salsa8(int[] t) {
        int x0 = t[0];
        int x1 = t[1];
        int x2 = t[2];
        int x3 = t[3];
        int x4 = t[4];
        int x5 = t[5];
        int x6 = t[6];
        int x7 = t[7];
        int x8 = t[8];
        int x9 = t[9];
        int x10 = t[10];
        int x11 = t[11];
        int x12 = t[12];
        int x13 = t[13];
        int x14 = t[14];
        int x15 = t[15];
        for (int round = 0; round < 8; round += 2) {
            // Columns.
            x4 ^= Integer.rotateLeft(x0 + x12, 7);
            x8 ^= Integer.rotateLeft(x4 + x0, 9);
            x12 ^= Integer.rotateLeft(x8 + x4, 13);
            x0 ^= Integer.rotateLeft(x12 + x8, 18);
            x9 ^= Integer.rotateLeft(x5 + x1, 7);
            x13 ^= Integer.rotateLeft(x9 + x5, 9);
            x1 ^= Integer.rotateLeft(x13 + x9, 13);
            x5 ^= Integer.rotateLeft(x1 + x13, 18);
            x14 ^= Integer.rotateLeft(x10 + x6, 7);
            x2 ^= Integer.rotateLeft(x14 + x10, 9);
            x6 ^= Integer.rotateLeft(x2 + x14, 13);
            x10 ^= Integer.rotateLeft(x6 + x2, 18);
            x3 ^= Integer.rotateLeft(x15 + x11, 7);
            x7 ^= Integer.rotateLeft(x3 + x15, 9);
            x11 ^= Integer.rotateLeft(x7 + x3, 13);
            x15 ^= Integer.rotateLeft(x11 + x7, 18);
            // Rows.
            x1 ^= Integer.rotateLeft(x0 + x3, 7);
            x2 ^= Integer.rotateLeft(x1 + x0, 9);
            x3 ^= Integer.rotateLeft(x2 + x1, 13);
            x0 ^= Integer.rotateLeft(x3 + x2, 18);
            x6 ^= Integer.rotateLeft(x5 + x4, 7);
            x7 ^= Integer.rotateLeft(x6 + x5, 9);
            x4 ^= Integer.rotateLeft(x7 + x6, 13);
            x5 ^= Integer.rotateLeft(x4 + x7, 18);
            x11 ^= Integer.rotateLeft(x10 + x9, 7);
            x8 ^= Integer.rotateLeft(x11 + x10, 9);
            x9 ^= Integer.rotateLeft(x8 + x11, 13);
            x10 ^= Integer.rotateLeft(x9 + x8, 18);
            x12 ^= Integer.rotateLeft(x15 + x14, 7);
            x13 ^= Integer.rotateLeft(x12 + x15, 9);
            x14 ^= Integer.rotateLeft(x13 + x12, 13);
            x15 ^= Integer.rotateLeft(x14 + x13, 18);
        }
        t[0] += x0;
        t[1] += x1;
        t[2] += x2;
        t[3] += x3;
        t[4] += x4;
        t[5] += x5;
        t[6] += x6;
        t[7] += x7;
        t[8] += x8;
        t[9] += x9;
        t[10] += x10;
        t[11] += x11;
        t[12] += x12;
        t[13] += x13;
        t[14] += x14;
        t[15] += x15;
    }
}
