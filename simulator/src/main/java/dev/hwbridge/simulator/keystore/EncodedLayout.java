package dev.hwbridge.simulator.keystore;

import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The bytes of an encrypted v3 {@code encoded} field:
 * salt(32) ‖ N ‖ p ‖ r (u32 little-endian each, in that order) ‖ nonce(24) ‖ secretbox (tag ‖ ciphertext).
 */
record EncodedLayout(byte[] salt, ScryptParams params, Sealed sealed) {

    static final int SALT_LENGTH = 32;
    static final int SCRYPT_HEADER_LENGTH = SALT_LENGTH + 3 * Integer.BYTES;

    EncodedLayout {
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("the scrypt salt is 32 bytes");
        }
    }

    byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(SCRYPT_HEADER_LENGTH + sealed.length()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(salt).putInt(params.n()).putInt(params.p()).putInt(params.r()).put(sealed.nonce()).put(sealed.box());
        return out.array();
    }

    /**
     * Splits an encrypted v3 {@code encoded}; the scrypt parameters are checked here, before anyone runs scrypt.
     *
     * @param minBoxLength the shortest secretbox that can hold a valid plaintext
     */
    static EncodedLayout parse(byte[] encoded, int minBoxLength) {
        if (encoded.length < SCRYPT_HEADER_LENGTH) {
            throw new SignerException(SignerError.INVALID_JSON, "encoded is too short for the scrypt salt and parameters");
        }
        ByteBuffer in = ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN);
        byte[] salt = new byte[SALT_LENGTH];
        in.get(salt);
        long n = Integer.toUnsignedLong(in.getInt());
        long p = Integer.toUnsignedLong(in.getInt());
        long r = Integer.toUnsignedLong(in.getInt());
        ScryptParams params = ScryptParams.fromUnsigned(n, p, r);
        Sealed sealed = Sealed.parse(Arrays.copyOfRange(encoded, SCRYPT_HEADER_LENGTH, encoded.length), minBoxLength);
        return new EncodedLayout(salt, params, sealed);
    }

    /** nonce(24) ‖ secretbox: the whole of a v2 (pre-scrypt) {@code encoded}, and the tail of a v3 one. */
    record Sealed(byte[] nonce, byte[] box) {

        Sealed {
            if (nonce.length != SecretBox.NONCE_LENGTH) {
                throw new IllegalArgumentException("the secretbox nonce is 24 bytes");
            }
        }

        int length() {
            return nonce.length + box.length;
        }

        static Sealed parse(byte[] bytes, int minBoxLength) {
            if (bytes.length < SecretBox.NONCE_LENGTH + minBoxLength) {
                throw new SignerException(SignerError.INVALID_JSON, "encoded is too short for a nonce and a sealed key");
            }
            return new Sealed(Arrays.copyOf(bytes, SecretBox.NONCE_LENGTH),
                    Arrays.copyOfRange(bytes, SecretBox.NONCE_LENGTH, bytes.length));
        }
    }
}
