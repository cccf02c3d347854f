package dev.hwbridge.simulator.keys.sr25519;

import cafe.cryptography.curve25519.RistrettoElement;
import cafe.cryptography.curve25519.Scalar;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * schnorrkel 0.9.1 Schnorr signatures over Ristretto255 ({@code sign.rs}: {@code
 * SecretKey::sign}, {@code PublicKey::verify}, {@code Signature::from_bytes}) under a signing
 * context. A signature is R ‖ s with bit 7 of byte 63 set as schnorrkel's marker.
 */
final class SchnorrSignature {

    static final int LENGTH = 64;

    private static final int MARKER = 0x80;

    private SchnorrSignature() {
    }

    /**
     * Transcript: context, message, proto-name "Schnorr-sig", sign:pk; r = witness "signing"
     * over the secret nonce; sign:R; k = challenge "sign:c"; s = k·x + r.
     */
    static byte[] sign(Scalar secret, byte[] nonce, byte[] publicKey, byte[] message, WitnessRng rng) {
        Transcript t = SigningContext.signing(SigningContext.SUBSTRATE, message);
        try {
            t.appendMessage("proto-name", Transcript.ascii("Schnorr-sig"));
            t.appendMessage("sign:pk", publicKey);
            Scalar r = SigningContext.witnessScalar(t, "signing", rng, nonce);
            byte[] bigR = Ristretto.basepointTimes(r);
            t.appendMessage("sign:R", bigR);
            Scalar k = SigningContext.challengeScalar(t, "sign:c");
            byte[] s = k.multiply(secret).add(r).toByteArray();
            byte[] signature = Arrays.copyOf(bigR, LENGTH);
            System.arraycopy(s, 0, signature, Ristretto.POINT_BYTES, s.length);
            signature[LENGTH - 1] |= (byte) MARKER;
            return signature;
        } finally {
            t.wipe();
        }
    }

    /**
     * Checks s·B − k·A = R. Rejects, as schnorrkel and polkadot-js do: a missing marker, an s
     * not below ℓ, a public key that is not a canonical Ristretto point, and (as
     * @scure/sr25519 does) the identity as public key. R is compared in its encoding, so a
     * malformed R simply never matches.
     */
    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if ((signature[LENGTH - 1] & MARKER) == 0) {
            return false;
        }
        byte[] sBytes = Arrays.copyOfRange(signature, Ristretto.POINT_BYTES, LENGTH);
        sBytes[sBytes.length - 1] &= (byte) ~MARKER;
        if (!ScalarBytes.isCanonical(sBytes)) {
            return false;
        }
        Optional<RistrettoElement> decoded = Ristretto.decompress(publicKey);
        if (decoded.isEmpty() || decoded.get().equals(RistrettoElement.IDENTITY)) {
            return false;
        }
        byte[] bigR = Arrays.copyOfRange(signature, 0, Ristretto.POINT_BYTES);
        Transcript t = SigningContext.signing(SigningContext.SUBSTRATE, message);
        t.appendMessage("proto-name", Transcript.ascii("Schnorr-sig"));
        t.appendMessage("sign:pk", publicKey);
        t.appendMessage("sign:R", bigR);
        Scalar k = SigningContext.challengeScalar(t, "sign:c");
        Scalar s = Scalar.fromBytesModOrder(sBytes);
        RistrettoElement expected = Ristretto.basepointTimesElement(s).subtract(decoded.get().multiply(k));
        return MessageDigest.isEqual(expected.compress().toByteArray(), bigR);
    }
}
