package dev.hwbridge.simulator.keys.sr25519;

import cafe.cryptography.curve25519.Scalar;
import java.util.Arrays;

/**
 * The schnorrkel 0.9.1 transcripts ({@code context.rs}: {@code SigningContext},
 * {@code SigningTranscript}) that sr25519 signing and HDKD start from, and the scalar
 * challenges and witnesses drawn from them. Written from the schnorrkel sources' description in
 * the project notes (polkadot-formats.md §4.3, §6); no code copied.
 */
final class SigningContext {

    /** The context polkadot-js and Substrate sign under. */
    static final String SUBSTRATE = "substrate";

    private static final byte[] EMPTY = new byte[0];

    private SigningContext() {
    }

    /**
     * {@code signing_context(context).bytes(message)}: Transcript("SigningContext"),
     * append("", context), append("sign-bytes", message).
     */
    static Transcript signing(String context, byte[] message) {
        Transcript t = new Transcript("SigningContext");
        t.appendMessage("", Transcript.ascii(context));
        t.appendMessage("sign-bytes", message);
        return t;
    }

    /**
     * {@code SigningContext::new(b"SchnorrRistrettoHDKD").bytes(&[])}: the transcript every
     * derivation starts from (polkadot-js and Substrate pass no extra index bytes).
     */
    static Transcript hdkd() {
        Transcript t = new Transcript("SchnorrRistrettoHDKD");
        t.appendMessage("sign-bytes", EMPTY);
        return t;
    }

    /** {@code challenge_scalar}: 64 challenge bytes reduced mod ℓ. */
    static Scalar challengeScalar(Transcript t, String label) {
        byte[] wide = t.challengeBytes(label, 64);
        try {
            return Scalar.fromBytesModOrderWide(wide);
        } finally {
            Arrays.fill(wide, (byte) 0);
        }
    }

    /** {@code witness_scalar}: 64 witness bytes reduced mod ℓ. */
    static Scalar witnessScalar(Transcript t, String label, WitnessRng rng, byte[]... nonceSeeds) {
        byte[] wide = t.witnessBytes(label, 64, rng, nonceSeeds);
        try {
            return Scalar.fromBytesModOrderWide(wide);
        } finally {
            Arrays.fill(wide, (byte) 0);
        }
    }
}
