package dev.hwbridge.simulator.keys;

import dev.hwbridge.protocol.account.Junction;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An ed25519 key pair from a 32-byte RFC 8032 seed, as polkadot-js makes it; hard derivation
 * only. Thread-safe; {@link #close()} zeroes the seed.
 *
 * <p>We call BouncyCastle's low-level {@link Ed25519} functions on our own seed array rather than
 * {@code Ed25519PrivateKeyParameters}, whose private copy of the seed could never be zeroed.
 */
public final class Ed25519Keys extends HardDerivedKeyPair {

    public static final int SEED_LENGTH = Ed25519.SECRET_KEY_SIZE;
    public static final int PUBLIC_KEY_LENGTH = Ed25519.PUBLIC_KEY_SIZE;
    public static final int SIGNATURE_LENGTH = Ed25519.SIGNATURE_SIZE;
    /** The polkadot-js secret: seed ‖ public key. */
    public static final int PKCS8_SECRET_LENGTH = SEED_LENGTH + PUBLIC_KEY_LENGTH;

    /** Takes ownership of {@code seed}. */
    private Ed25519Keys(byte[] seed) {
        // Every 32 bytes are an ed25519 seed.
        super(KeyScheme.ED25519, HardDerivation.ED25519_PREFIX, seed, any -> { }, Ed25519Keys::publicKeyOf);
    }

    /** The pair for a 32-byte seed (copied; the caller still owns and zeroes its array). */
    public static Ed25519Keys fromSeed(byte[] seed32) {
        KeyInput.requireLength(seed32, SEED_LENGTH, "an ed25519 seed");
        return new Ed25519Keys(seed32.clone());
    }

    /**
     * The pair for a polkadot-js secret: 64 bytes seed ‖ public key (the public key must be the
     * seed's) or a bare 32-byte seed.
     */
    public static Ed25519Keys fromPkcs8Secret(byte[] secret) {
        if (secret == null || (secret.length != SEED_LENGTH && secret.length != PKCS8_SECRET_LENGTH)) {
            throw new SignerException(SignerError.INVALID_KEY, "an ed25519 secret has 32 or 64 bytes, not "
                    + (secret == null ? "none" : String.valueOf(secret.length)));
        }
        Ed25519Keys keys = new Ed25519Keys(Arrays.copyOf(secret, SEED_LENGTH));
        if (secret.length == PKCS8_SECRET_LENGTH && !MessageDigest.isEqual(keys.publicKey(),
                Arrays.copyOfRange(secret, SEED_LENGTH, PKCS8_SECRET_LENGTH))) {
            keys.close();
            throw new SignerException(SignerError.INVALID_KEY,
                    "the ed25519 secret's public key does not belong to its seed");
        }
        return keys;
    }

    /** {@code child seed = blake2b-256(0x2c ‖ "Ed25519HDKD" ‖ seed ‖ chain code)}; hard junctions only. */
    @Override
    public Ed25519Keys derive(Junction junction) {
        return new Ed25519Keys(childSecret(junction));
    }

    /** RFC 8032 ed25519 over the message itself (deterministic, 64 bytes). */
    @Override
    byte[] signWith(byte[] seed, byte[] publicKey, byte[] message) {
        byte[] signature = new byte[SIGNATURE_LENGTH];
        Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    /** seed ‖ public key, 64 bytes. */
    @Override
    byte[] pkcs8SecretOf(byte[] seed, byte[] publicKey) {
        byte[] secret = Arrays.copyOf(seed, PKCS8_SECRET_LENGTH);
        System.arraycopy(publicKey, 0, secret, SEED_LENGTH, PUBLIC_KEY_LENGTH);
        return secret;
    }

    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return publicKey.length == PUBLIC_KEY_LENGTH && signature.length == SIGNATURE_LENGTH
                && Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    }

    private static byte[] publicKeyOf(byte[] seed) {
        byte[] publicKey = new byte[PUBLIC_KEY_LENGTH];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        return publicKey;
    }
}
