package dev.hwbridge.simulator.keys.sr25519;

import java.util.Arrays;

/**
 * The external randomness schnorrkel mixes into every witness (signing nonce, soft-derived
 * nonce): 32 bytes per witness. It only guards against a weak transcript; the secret nonce is
 * mixed in as well, so even {@link #zero()} gives safe, deterministic signatures (that is how
 * the polkadot-js reference vectors were made). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface WitnessRng {

    /** Fills {@code out} completely. */
    void nextBytes(byte[] out);

    /** Randomness from a shared {@link java.security.SecureRandom}: what the device uses. */
    static WitnessRng secure() {
        return SecureWitnessRng.INSTANCE;
    }

    /** All-zero bytes, for reproducible test vectors only. */
    static WitnessRng zero() {
        return out -> Arrays.fill(out, (byte) 0);
    }
}
