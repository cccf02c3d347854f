package dev.hwbridge.simulator.keys;

import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.account.Junction;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.nio.charset.StandardCharsets;

/**
 * Substrate's hard derivation for ed25519 and ecdsa:
 * {@code child = blake2b-256(SCALE(id) ‖ parent secret ‖ chain code)}, where SCALE(id) is the
 * compact length byte followed by the ASCII id. Stateless.
 */
final class HardDerivation {

    /** {@code 0x2c ‖ "Ed25519HDKD"}. */
    static final byte[] ED25519_PREFIX = scaleString("Ed25519HDKD");
    /** {@code 0x34 ‖ "Secp256k1HDKD"}. */
    static final byte[] SECP256K1_PREFIX = scaleString("Secp256k1HDKD");

    private HardDerivation() {
    }

    /** The child secret; the caller zeroes it. */
    static byte[] childSecret(byte[] prefix, byte[] parentSecret, Junction junction) {
        byte[] chainCode = junction.chainCode();
        return Blake2b.hash256(prefix, parentSecret, chainCode);
    }

    /** Refuses a soft junction for a scheme that only derives hard. */
    static void requireHard(KeyScheme scheme, Junction junction) {
        if (!junction.hard()) {
            throw softJunctionRefused(scheme);
        }
    }

    static SignerException softJunctionRefused(KeyScheme scheme) {
        return new SignerException(SignerError.INVALID_PATH,
                "a soft junction cannot be derived for " + scheme.id() + " keys; only sr25519 has soft derivation");
    }

    /** SCALE encoding of a short ASCII string: compact length (single-byte mode, length < 64) then the bytes. */
    private static byte[] scaleString(String id) {
        byte[] ascii = id.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[1 + ascii.length];
        out[0] = (byte) (ascii.length << 2);
        System.arraycopy(ascii, 0, out, 1, ascii.length);
        return out;
    }

    /** A copy of the prefix, for tests that pin it against the vectors. */
    static byte[] prefix(KeyScheme scheme) {
        return switch (scheme) {
            case ED25519 -> ED25519_PREFIX.clone();
            case ECDSA -> SECP256K1_PREFIX.clone();
            case SR25519 -> throw new IllegalArgumentException("sr25519 derives through its own transcript");
        };
    }
}
