package dev.hwbridge.simulator.keys.sr25519;

import cafe.cryptography.curve25519.Scalar;
import java.security.MessageDigest;

/**
 * Conversions between schnorrkel's two 32-byte scalar forms: the canonical little-endian
 * scalar its transcripts see, and the "ed25519 bytes" (scalar × 8, the cofactor) that
 * polkadot-js stores as the first half of a secret key.
 */
final class ScalarBytes {

    static final int LENGTH = 32;

    private ScalarBytes() {
    }

    /** {@code divide_scalar_bytes_by_cofactor}: a 256-bit little-endian shift right by 3. */
    static byte[] divideByCofactor(byte[] bytes, int offset) {
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH - 1; i++) {
            out[i] = (byte) (((bytes[offset + i] & 0xff) >>> 3) | ((bytes[offset + i + 1] & 0xff) << 5));
        }
        out[LENGTH - 1] = (byte) ((bytes[offset + LENGTH - 1] & 0xff) >>> 3);
        return out;
    }

    /** {@code multiply_scalar_bytes_by_cofactor}: a shift left by 3, modulo 2^256. */
    static byte[] multiplyByCofactor(byte[] scalar) {
        byte[] out = new byte[LENGTH];
        for (int i = LENGTH - 1; i > 0; i--) {
            out[i] = (byte) ((scalar[i] << 3) | ((scalar[i - 1] & 0xff) >>> 5));
        }
        out[0] = (byte) (scalar[0] << 3);
        return out;
    }

    /** True when the 32 bytes encode an integer below the group order ℓ. */
    static boolean isCanonical(byte[] scalar) {
        return MessageDigest.isEqual(Scalar.fromBytesModOrder(scalar).toByteArray(), scalar);
    }

    /** True for the scalar 0, whose public key would be the identity. */
    static boolean isZero(byte[] scalar) {
        int acc = 0;
        for (byte b : scalar) {
            acc |= b;
        }
        return acc == 0;
    }
}
