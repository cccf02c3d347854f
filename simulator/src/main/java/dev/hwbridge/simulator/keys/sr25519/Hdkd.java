package dev.hwbridge.simulator.keys.sr25519;

import cafe.cryptography.curve25519.Scalar;
import java.util.Arrays;

/**
 * schnorrkel 0.9.1 hierarchical deterministic key derivation as Substrate and polkadot-js use
 * it: hard ({@code SecretKey::hard_derive_mini_secret_key} then expansion) and soft
 * ({@code Derivation::derived_key_simple} for secret and public keys). See polkadot-formats.md
 * §4.3 for the transcript steps.
 */
final class Hdkd {

    private static final int CHAIN_CODE_BYTES = 32;
    private static final int NONCE_BYTES = 32;

    private Hdkd() {
    }

    /**
     * The child mini-secret of a hard junction: Transcript("SchnorrRistrettoHDKD"), sign-bytes "",
     * chain-code, secret-key (the canonical scalar, not ×8), then challenge "HDKD-hard".
     */
    static byte[] hardMiniSecret(byte[] scalar, byte[] chainCode) {
        Transcript t = SigningContext.hdkd();
        try {
            t.appendMessage("chain-code", chainCode);
            t.appendMessage("secret-key", scalar);
            // schnorrkel then squeezes "HDKD-chaincode"; later output cannot change this one,
            // and polkadot-js uses the junction's chain code instead, so it is not computed.
            return t.challengeBytes("HDKD-hard", 32);
        } finally {
            t.wipe();
        }
    }

    /** The scalar a soft junction adds: pub' = pub + tweak·B and x' = x + tweak. */
    static Scalar softTweak(byte[] publicKey, byte[] chainCode) {
        Transcript t = SigningContext.hdkd();
        try {
            return softTweak(t, publicKey, chainCode);
        } finally {
            t.wipe();
        }
    }

    /**
     * The soft child's secret in the polkadot-js form (x'·8 ‖ nonce'). The nonce is a witness
     * over the parent nonce and secret plus 32 bytes of {@code rng}, so it is random unless
     * the rng is fixed; the scalar and public key are deterministic.
     */
    static byte[] softSecret(Scalar parent, byte[] parentScalar, byte[] parentNonce, byte[] publicKey,
            byte[] chainCode, WitnessRng rng) {
        Transcript t = SigningContext.hdkd();
        byte[] secretKeyBytes = concat(parentScalar, parentNonce);
        byte[] childScalar = null;
        byte[] childKey = null;
        byte[] childNonce = null;
        try {
            Scalar tweak = softTweak(t, publicKey, chainCode);
            // SecretKey::to_bytes() is the canonical scalar ‖ nonce, not the ×8 form.
            childNonce = t.witnessBytes("HDKD-nonce", NONCE_BYTES, rng, parentNonce, secretKeyBytes);
            childScalar = parent.add(tweak).toByteArray();
            childKey = ScalarBytes.multiplyByCofactor(childScalar);
            return concat(childKey, childNonce);
        } finally {
            t.wipe();
            wipe(secretKeyBytes, childScalar, childKey, childNonce);
        }
    }

    private static Scalar softTweak(Transcript t, byte[] publicKey, byte[] chainCode) {
        t.appendMessage("chain-code", chainCode);
        t.appendMessage("public-key", publicKey);
        Scalar tweak = SigningContext.challengeScalar(t, "HDKD-scalar");
        // Unused by polkadot-js, but it advances the transcript the nonce witness is drawn from.
        t.challengeBytes("HDKD-chaincode", CHAIN_CODE_BYTES);
        return tweak;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void wipe(byte[]... arrays) {
        for (byte[] a : arrays) {
            if (a != null) {
                Arrays.fill(a, (byte) 0);
            }
        }
    }
}
