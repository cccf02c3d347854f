package dev.hwbridge.simulator.keys;

import dev.hwbridge.protocol.account.Junction;
import dev.hwbridge.protocol.account.KeyScheme;

/**
 * A key pair of one scheme, as the device holds it. Implementations keep their secret private,
 * zero it on {@link #close()}, and never print it in {@code toString()}.
 */
public interface KeyPair extends AutoCloseable {

    KeyScheme scheme();

    /**
     * 32 bytes for sr25519 and ed25519; the 33-byte compressed point for ecdsa. Computed on first
     * use, so a pair that only leads to a child costs no base-point multiplication.
     *
     * @throws IllegalStateException if the pair was closed before its public key was ever needed
     */
    byte[] publicKey();

    /**
     * Signs a message as polkadot-js {@code pair.sign} does: sr25519 with context "substrate"
     * (randomised, 64 bytes), ed25519 RFC 8032 (64 bytes), ecdsa over blake2b-256 of the message
     * (65 bytes, r ‖ s ‖ recovery id).
     */
    byte[] sign(byte[] message);

    /**
     * The child key for one junction.
     *
     * @throws dev.hwbridge.simulator.error.SignerException {@code INVALID_PATH} for a soft junction
     *         on a scheme without soft derivation
     */
    KeyPair derive(Junction junction);

    /**
     * The secret as polkadot-js stores it inside a JSON v3 "pkcs8" body: sr25519 64 bytes
     * (scalar×8 ‖ nonce), ed25519 64 bytes (seed ‖ public key), ecdsa the 32-byte private key.
     * A fresh copy the caller must zero.
     */
    byte[] pkcs8Secret();

    /** Zeroes the secret. */
    @Override
    void close();
}
