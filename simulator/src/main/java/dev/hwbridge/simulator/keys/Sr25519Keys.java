package dev.hwbridge.simulator.keys;

import dev.hwbridge.protocol.account.Junction;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.keys.sr25519.Sr25519;
import dev.hwbridge.simulator.keys.sr25519.Sr25519KeyPair;
import dev.hwbridge.simulator.keys.sr25519.WitnessRng;
import java.util.Arrays;
import java.util.Objects;

/**
 * An sr25519 key pair behind the {@link KeyPair} seam: hard and soft derivation, signing under the
 * "substrate" context. Signatures and soft-derived nonces draw on a {@link WitnessRng}
 * ({@link WitnessRng#secure()} unless a test injects one); children inherit it. Thread-safe.
 */
public final class Sr25519Keys implements KeyPair {

    public static final int MINI_SECRET_LENGTH = Sr25519KeyPair.MINI_SECRET_LENGTH;
    public static final int SECRET_LENGTH = Sr25519KeyPair.SECRET_LENGTH;
    public static final int PUBLIC_KEY_LENGTH = Sr25519KeyPair.PUBLIC_KEY_LENGTH;
    public static final int SIGNATURE_LENGTH = Sr25519KeyPair.SIGNATURE_LENGTH;

    private final Sr25519KeyPair pair;
    private final WitnessRng rng;

    private Sr25519Keys(Sr25519KeyPair pair, WitnessRng rng) {
        this.pair = pair;
        this.rng = rng;
    }

    /** The pair a 32-byte mini-secret expands to (schnorrkel ExpansionMode::Ed25519). */
    public static Sr25519Keys fromMiniSecret(byte[] miniSecret32) {
        return fromMiniSecret(miniSecret32, WitnessRng.secure());
    }

    /** As {@link #fromMiniSecret(byte[])}, randomised through {@code rng} (tests: {@link WitnessRng#zero()}). */
    public static Sr25519Keys fromMiniSecret(byte[] miniSecret32, WitnessRng rng) {
        Objects.requireNonNull(rng, "rng");
        return new Sr25519Keys(Sr25519KeyPair.fromMiniSecret(miniSecret32), rng);
    }

    /** The pair for a 64-byte polkadot-js secret, scalar×8 ‖ nonce. */
    public static Sr25519Keys fromSecretBytes(byte[] secret64) {
        return fromSecretBytes(secret64, WitnessRng.secure());
    }

    /** As {@link #fromSecretBytes(byte[])}, randomised through {@code rng}. */
    public static Sr25519Keys fromSecretBytes(byte[] secret64, WitnessRng rng) {
        Objects.requireNonNull(rng, "rng");
        return new Sr25519Keys(Sr25519KeyPair.fromSecretBytes(secret64), rng);
    }

    @Override
    public KeyScheme scheme() {
        return KeyScheme.SR25519;
    }

    @Override
    public byte[] publicKey() {
        return pair.publicKey();
    }

    /** A randomised 64-byte schnorrkel signature under the "substrate" context. */
    @Override
    public byte[] sign(byte[] message) {
        return pair.sign(message, rng);
    }

    /** Hard junctions derive a new mini-secret; soft ones keep the key's public linkage. */
    @Override
    public Sr25519Keys derive(Junction junction) {
        Objects.requireNonNull(junction, "junction");
        byte[] chainCode = junction.chainCode();
        Sr25519KeyPair child = junction.hard() ? pair.deriveHard(chainCode) : pair.deriveSoft(chainCode, rng);
        return new Sr25519Keys(child, rng);
    }

    /** scalar×8 ‖ nonce, 64 bytes, a fresh copy the caller must zero. */
    @Override
    public byte[] pkcs8Secret() {
        return pair.secretBytes();
    }

    /** An independent pair with the same secret and randomness source. */
    Sr25519Keys copy() {
        byte[] secret = pair.secretBytes();
        try {
            return fromSecretBytes(secret, rng);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public void close() {
        pair.close();
    }

    /** Shows the public key only, as the pair does. */
    @Override
    public String toString() {
        return pair.toString().replace("Sr25519KeyPair", "Sr25519Keys");
    }

    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return Sr25519.verify(publicKey, message, signature);
    }
}
