package dev.hwbridge.simulator.keys;

import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.account.Junction;
import dev.hwbridge.protocol.account.KeyScheme;

/**
 * An "ecdsa" (secp256k1) key pair as polkadot-js makes it: the 32-byte seed is the private key,
 * hard derivation only, signatures over blake2b-256 of the message. Thread-safe; {@link #close()}
 * zeroes the private key.
 */
public final class EcdsaKeys extends HardDerivedKeyPair {

    public static final int SECRET_LENGTH = Secp256k1.SECRET_LENGTH;
    public static final int PUBLIC_KEY_LENGTH = Secp256k1.PUBLIC_KEY_LENGTH;
    public static final int SIGNATURE_LENGTH = Secp256k1.SIGNATURE_LENGTH;

    /** Takes ownership of {@code secret}, and wipes it if it is refused. */
    private EcdsaKeys(byte[] secret) {
        super(KeyScheme.ECDSA, HardDerivation.SECP256K1_PREFIX, secret, Secp256k1::requireValid, Secp256k1::publicKey);
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

    /** {@code child = blake2b-256(0x34 ‖ "Secp256k1HDKD" ‖ private key ‖ chain code)}; hard junctions only. */
    @Override
    public EcdsaKeys derive(Junction junction) {
        return new EcdsaKeys(childSecret(junction));
    }

    /** 65 bytes r ‖ s ‖ recovery id over blake2b-256(message): RFC 6979, low s. */
    @Override
    byte[] signWith(byte[] secret, byte[] publicKey, byte[] message) {
        return Secp256k1.sign(secret, Blake2b.hash256(message));
    }

    /** The 32-byte private key. */
    @Override
    byte[] pkcs8SecretOf(byte[] secret, byte[] publicKey) {
        return secret.clone();
    }

    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return Secp256k1.verify(publicKey, Blake2b.hash256(message), signature);
    }
}
