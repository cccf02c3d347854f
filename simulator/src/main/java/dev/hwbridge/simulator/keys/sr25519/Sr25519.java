package dev.hwbridge.simulator.keys.sr25519;

import cafe.cryptography.curve25519.RistrettoElement;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;

/**
 * Public-key sr25519 operations (schnorrkel 0.9.1, as polkadot-js 14 runs them through
 * @scure/sr25519 0.2.0): soft derivation of a public key and signature verification under the
 * "substrate" context. Stateless and thread-safe.
 */
public final class Sr25519 {

    private Sr25519() {
    }

    /**
     * The public key of the soft child {@code /…}: pub + tweak·B, where the tweak comes from the
     * HDKD transcript over the chain code and the public key.
     *
     * @throws SignerException {@code INVALID_KEY} for a wrong length or a public key that is not
     *         a Ristretto point
     */
    public static byte[] derivePublicSoft(byte[] publicKey32, byte[] chainCode32) {
        requireLength(publicKey32, Sr25519KeyPair.PUBLIC_KEY_LENGTH, "an sr25519 public key");
        requireLength(chainCode32, Sr25519KeyPair.CHAIN_CODE_LENGTH, "a chain code");
        RistrettoElement point = Ristretto.decompress(publicKey32)
                .orElseThrow(() -> new SignerException(SignerError.INVALID_KEY,
                        "the sr25519 public key is not a valid Ristretto point"));
        return point.add(Ristretto.basepointTimesElement(Hdkd.softTweak(publicKey32, chainCode32)))
                .compress().toByteArray();
    }

    /**
     * True when {@code signature64} is a schnorrkel signature of {@code message} by
     * {@code publicKey32} under the "substrate" context. Any malformed input (null, wrong
     * length, no schnorrkel marker, non-canonical s, not a point) gives false, never an exception.
     */
    public static boolean verify(byte[] publicKey32, byte[] message, byte[] signature64) {
        if (publicKey32 == null || message == null || signature64 == null
                || publicKey32.length != Sr25519KeyPair.PUBLIC_KEY_LENGTH
                || signature64.length != Sr25519KeyPair.SIGNATURE_LENGTH) {
            return false;
        }
        return SchnorrSignature.verify(publicKey32, message, signature64);
    }

    /** Refuses null or wrong-length key material; the message names the length, never the bytes. */
    static void requireLength(byte[] bytes, int length, String what) {
        if (bytes == null) {
            throw new SignerException(SignerError.INVALID_KEY, what + " is missing");
        }
        if (bytes.length != length) {
            throw new SignerException(SignerError.INVALID_KEY,
                    what + " has " + length + " bytes, not " + bytes.length);
        }
    }
}
