package dev.hwbridge.simulator.keys.sr25519;

import cafe.cryptography.curve25519.Scalar;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * An sr25519 key pair exactly as polkadot-js 14 (@scure/sr25519 0.2.0) and schnorrkel 0.9.1
 * make it: expansion of a mini-secret, hard and soft derivation, and signing under the
 * "substrate" context. Thread-safe; {@link #close()} zeroes the secret and ends its use.
 *
 * <p>The secret is kept in polkadot-js's 64-byte form, scalar×8 ‖ nonce. The elisabeth
 * {@link Scalar} copy used for arithmetic cannot be zeroed (its bytes are private); it is
 * dropped on close.
 *
 * <p>The public key (a base-point multiplication, most of the cost of a pair) is computed when
 * first needed: a pair that only leads to a hard child, as the {@code //polkadot} in
 * {@code //polkadot//0} does, never needs it. A closed pair keeps a public key it computed and
 * refuses to compute one it never did.
 */
public final class Sr25519KeyPair implements AutoCloseable {

    public static final int MINI_SECRET_LENGTH = 32;
    public static final int SECRET_LENGTH = 64;
    public static final int PUBLIC_KEY_LENGTH = Ristretto.POINT_BYTES;
    public static final int CHAIN_CODE_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = SchnorrSignature.LENGTH;

    private final byte[] secret;
    private final byte[] scalarBytes;
    /** Null until first needed. */
    private byte[] publicKey;
    private Scalar scalar;

    /** Takes ownership of {@code secret} (wiped here if it is refused). */
    private Sr25519KeyPair(byte[] secret) {
        this.secret = secret;
        this.scalarBytes = ScalarBytes.divideByCofactor(secret, 0);
        // polkadot-js cannot use a key outside 1 ≤ x < ℓ either (noble refuses to multiply by it).
        if (ScalarBytes.isZero(scalarBytes) || !ScalarBytes.isCanonical(scalarBytes)) {
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(scalarBytes, (byte) 0);
            throw new SignerException(SignerError.INVALID_KEY,
                    "the sr25519 secret key's scalar is zero or not below the group order");
        }
        this.scalar = Scalar.fromBytesModOrder(scalarBytes);
    }

    /**
     * Expands a 32-byte mini-secret as schnorrkel's {@code ExpansionMode::Ed25519}: SHA-512,
     * clamp the first half (its value /8 is the scalar), the second half is the nonce.
     */
    public static Sr25519KeyPair fromMiniSecret(byte[] miniSecret32) {
        Sr25519.requireLength(miniSecret32, MINI_SECRET_LENGTH, "an sr25519 mini-secret");
        SHA512Digest sha512 = new SHA512Digest();
        sha512.update(miniSecret32, 0, MINI_SECRET_LENGTH);
        byte[] expanded = new byte[SECRET_LENGTH];
        sha512.doFinal(expanded, 0);
        expanded[0] &= (byte) 248;
        expanded[31] &= 63;
        expanded[31] |= 64;
        return new Sr25519KeyPair(expanded);
    }

    /**
     * A key pair from its 64-byte polkadot-js/pkcs8 secret, scalar×8 ‖ nonce; the public key is
     * recomputed. The bytes are kept as given.
     */
    public static Sr25519KeyPair fromSecretBytes(byte[] secret64) {
        Sr25519.requireLength(secret64, SECRET_LENGTH, "an sr25519 secret key");
        return new Sr25519KeyPair(secret64.clone());
    }

    /**
     * The 32-byte compressed Ristretto public key (a copy).
     *
     * @throws IllegalStateException if the pair was closed before its public key was ever needed
     */
    public synchronized byte[] publicKey() {
        return publicKeyBytes().clone();
    }

    /** The 64-byte secret, scalar×8 ‖ nonce (a fresh copy the caller must zero). */
    public synchronized byte[] secretBytes() {
        ensureOpen();
        return secret.clone();
    }

    /** The child for a hard junction {@code //…}: a new mini-secret from the parent scalar. */
    public synchronized Sr25519KeyPair deriveHard(byte[] chainCode32) {
        Sr25519.requireLength(chainCode32, CHAIN_CODE_LENGTH, "a chain code");
        ensureOpen();
        byte[] miniSecret = Hdkd.hardMiniSecret(scalarBytes, chainCode32);
        try {
            return fromMiniSecret(miniSecret);
        } finally {
            Arrays.fill(miniSecret, (byte) 0);
        }
    }

    /**
     * The child for a soft junction {@code /…}. Its public key and scalar are deterministic
     * ({@link Sr25519#derivePublicSoft} gives the same public key); its nonce mixes in
     * {@code rng}, as polkadot-js does.
     */
    public synchronized Sr25519KeyPair deriveSoft(byte[] chainCode32, WitnessRng rng) {
        Sr25519.requireLength(chainCode32, CHAIN_CODE_LENGTH, "a chain code");
        Objects.requireNonNull(rng, "rng");
        ensureOpen();
        byte[] nonce = nonce();
        try {
            return new Sr25519KeyPair(Hdkd.softSecret(scalar, scalarBytes, nonce, publicKeyBytes(), chainCode32, rng));
        } finally {
            Arrays.fill(nonce, (byte) 0);
        }
    }

    /** A 64-byte signature under the "substrate" context, randomised through {@code rng}. */
    public synchronized byte[] sign(byte[] message, WitnessRng rng) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(rng, "rng");
        ensureOpen();
        byte[] nonce = nonce();
        try {
            return SchnorrSignature.sign(scalar, nonce, publicKeyBytes(), message, rng);
        } finally {
            Arrays.fill(nonce, (byte) 0);
        }
    }

    /** Zeroes the secret; later secret operations throw {@link IllegalStateException}. */
    @Override
    public synchronized void close() {
        Arrays.fill(secret, (byte) 0);
        Arrays.fill(scalarBytes, (byte) 0);
        scalar = null;
    }

    /** Shows the public key only (none for a pair closed before it was computed). */
    @Override
    public synchronized String toString() {
        if (publicKey == null && scalar == null) {
            return "Sr25519KeyPair[closed]";
        }
        return "Sr25519KeyPair[publicKey=0x" + HexFormat.of().formatHex(publicKeyBytes()) + "]";
    }

    /** The public key held here, computed the first time; called with the lock held. */
    private byte[] publicKeyBytes() {
        if (publicKey == null) {
            ensureOpen();
            publicKey = Ristretto.basepointTimes(scalar);
        }
        return publicKey;
    }

    private byte[] nonce() {
        return Arrays.copyOfRange(secret, ScalarBytes.LENGTH, SECRET_LENGTH);
    }

    private void ensureOpen() {
        if (scalar == null) {
            throw new IllegalStateException("the sr25519 key pair is closed");
        }
    }
}
