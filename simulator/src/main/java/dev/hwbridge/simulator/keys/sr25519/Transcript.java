package dev.hwbridge.simulator.keys.sr25519;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Merlin transcript (Merlin 2.x, "Merlin v1.0" protocol label, https://merlin.cool) over
 * {@link Strobe128}: {@code dom-sep}, {@code append_message} with a little-endian u32 length,
 * {@code challenge_bytes}, and the transcript RNG ({@code build_rng}, {@code
 * rekey_with_witness_bytes}, {@code finalize}, {@code fill_bytes}) that schnorrkel 0.9.1 uses
 * for its nonces. Written from the Merlin documentation; no code copied.
 *
 * <p>Not thread-safe. Call {@link #wipe()} once done: a transcript that saw a secret is secret.
 */
final class Transcript {

    private static final byte[] MERLIN_PROTOCOL_LABEL = ascii("Merlin v1.0");
    private static final int WITNESS_RNG_BYTES = 32;

    private final Strobe128 strobe;

    /** {@code Transcript::new(label)}: STROBE("Merlin v1.0"), then append_message("dom-sep", label). */
    Transcript(String label) {
        strobe = new Strobe128(MERLIN_PROTOCOL_LABEL);
        appendMessage("dom-sep", ascii(label));
    }

    /** meta-AD(label ‖ LE32(len)); AD(message). */
    void appendMessage(String label, byte[] message) {
        strobe.metaAd(ascii(label), false);
        strobe.metaAd(le32(message.length), true);
        strobe.ad(message, false);
    }

    /** meta-AD(label ‖ LE32(length)); PRF(length). */
    byte[] challengeBytes(String label, int length) {
        strobe.metaAd(ascii(label), false);
        strobe.metaAd(le32(length), true);
        return strobe.prf(length, false);
    }

    /**
     * {@code build_rng().rekey_with_witness_bytes(label, seed)… .finalize(rng).fill_bytes(length)}:
     * a fork of the transcript keyed with each nonce seed and 32 bytes from {@code rng}. The
     * transcript itself is left unchanged.
     */
    byte[] witnessBytes(String label, int length, WitnessRng rng, byte[]... nonceSeeds) {
        Strobe128 fork = strobe.copy();
        byte[] random = new byte[WITNESS_RNG_BYTES];
        try {
            byte[] labelBytes = ascii(label);
            for (byte[] seed : nonceSeeds) {
                fork.metaAd(labelBytes, false);
                fork.metaAd(le32(seed.length), true);
                fork.key(seed, false);
            }
            rng.nextBytes(random);
            fork.metaAd(ascii("rng"), false);
            fork.key(random, false);
            fork.metaAd(le32(length), false);
            return fork.prf(length, false);
        } finally {
            Arrays.fill(random, (byte) 0);
            fork.wipe();
        }
    }

    void wipe() {
        strobe.wipe();
    }

    private static byte[] le32(int n) {
        return new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)};
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
