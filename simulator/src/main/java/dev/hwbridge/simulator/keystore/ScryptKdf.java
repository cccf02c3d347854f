package dev.hwbridge.simulator.keystore;

import java.util.Arrays;

/**
 * The JSON v3 key derivation: scrypt ({@link Scrypt}) with dkLen 64, of which polkadot-js keeps
 * the first 32 bytes. The parameters are a {@link ScryptParams}, so only the sets polkadot-js
 * accepts ever reach scrypt.
 */
final class ScryptKdf {

    /** polkadot-js asks scrypt for 64 bytes (scrypt/encode); the tail is never used. */
    static final int OUTPUT_LENGTH = 64;

    private ScryptKdf() {
    }

    /** The full 64-byte scrypt output; the caller zeroes it. */
    static byte[] output(byte[] password, byte[] salt, ScryptParams params) {
        return Scrypt.derive(password, salt, params.n(), params.r(), params.p(), OUTPUT_LENGTH);
    }

    /** The 32-byte secretbox key; the caller zeroes it. */
    static byte[] secretBoxKey(byte[] password, byte[] salt, ScryptParams params) {
        byte[] out = output(password, salt, params);
        try {
            return Arrays.copyOf(out, SecretBox.KEY_LENGTH);
        } finally {
            Arrays.fill(out, (byte) 0);
        }
    }
}
