package dev.hwbridge.simulator.keys;

import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.account.Junction;
import dev.hwbridge.protocol.account.KeyScheme;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An "ecdsa" (secp256k1) key pair as polkadot-js makes it: the 32-byte seed is the private key,
 * hard derivation only, signatures over blake2b-256 of the message. Thread-safe; {@link #close()}
 * zeroes the private key.
 */
public final class EcdsaKeys implements KeyPair {

    public static final int SECRET_LENGTH = Secp256k1.SECRET_LENGTH;
    public static final int PUBLIC_KEY_LENGTH = Secp256k1.PUBLIC_KEY_LENGTH;
    public static final int SIGNATURE_LENGTH = Secp256k1.SIGNATURE_LENGTH;

    private final byte[] secret;
    private final byte[] publicKey;
    private boolean closed;

    /** Takes ownership of {@code secret}, and wipes it if it is refused. */
    private EcdsaKeys(byte[] secret) {
        this.secret = secret;
        try {
            this.publicKey = Secp256k1.publicKey(secret);
        } catch (RuntimeException refused) {
            Arrays.fill(secret, (byte) 0);
            throw refused;
        }
    }

    /**
     * The pair whose private key is the 32-byte seed (copied).
     *
     * @throws dev.hwbridge.simulator.error.SignerException INVALID_KEY for a wrong length, zero, or
     *         a value not below the group order
     */
    public static EcdsaKeys fromSeed(byte[] seed32) {
        KeyInput.requireLength(seed32, SECRET_LENGTH, "an ecdsa private key");
        return new EcdsaKeys(seed32.clone());
    }

    @Override
    public KeyScheme scheme() {
        return KeyScheme.ECDSA;
    }

    /** The 33-byte compressed point. */
    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** 65 bytes r ‖ s ‖ recovery id over blake2b-256(message): RFC 6979, low s. */
    @Override
    public synchronized byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        ensureOpen();
        return Secp256k1.sign(secret, publicKey, Blake2b.hash256(message));
    }

    /** {@code child = blake2b-256(0x34 ‖ "Secp256k1HDKD" ‖ private key ‖ chain code)}; hard junctions only. */
    @Override
    public synchronized EcdsaKeys derive(Junction junction) {
        Objects.requireNonNull(junction, "junction");
        HardDerivation.requireHard(KeyScheme.ECDSA, junction);
        ensureOpen();
        return new EcdsaKeys(HardDerivation.childSecret(HardDerivation.SECP256K1_PREFIX, secret, junction));
    }

    /** The 32-byte private key, a fresh copy the caller must zero. */
    @Override
    public synchronized byte[] pkcs8Secret() {
        ensureOpen();
        return secret.clone();
    }

    @Override
    public synchronized void close() {
        Arrays.fill(secret, (byte) 0);
        closed = true;
    }

    /** Shows the public key only. */
    @Override
    public String toString() {
        return "EcdsaKeys[publicKey=0x" + HexFormat.of().formatHex(publicKey) + "]";
    }

    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return Secp256k1.verify(publicKey, Blake2b.hash256(message), signature);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the ecdsa key pair is closed");
        }
    }
}
