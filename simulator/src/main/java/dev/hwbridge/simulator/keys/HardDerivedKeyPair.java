package dev.hwbridge.simulator.keys;

import dev.hwbridge.protocol.account.Junction;
import dev.hwbridge.protocol.account.KeyScheme;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What the ed25519 and ecdsa pairs share: one 32-byte secret, checked when the pair is made,
 * zeroed by {@link #close()} and refused after it; the public key computed from it once, when first
 * needed (a pair that only leads to a child never needs it; a closed pair keeps one it computed and
 * refuses to compute one it never did); and hard-only derivation ({@link HardDerivation}).
 * Subclasses say how to sign with the secret and how polkadot-js stores it.
 *
 * <p>Thread-safe: every use of the secret holds the pair's lock and first checks the pair is open.
 */
abstract class HardDerivedKeyPair implements KeyPair {

    private final KeyScheme scheme;
    private final byte[] derivationPrefix;
    private final byte[] secret;
    private final UnaryOperator<byte[]> publicKeyOf;
    /** Null until first needed. */
    private byte[] publicKey;
    private boolean closed;

    /**
     * Takes ownership of {@code secret}, and wipes it if {@code check} refuses it.
     *
     * @param check       throws for a secret the scheme cannot use (polkadot-js refuses it too)
     * @param publicKeyOf the public key of a secret {@code check} accepted
     */
    HardDerivedKeyPair(KeyScheme scheme, byte[] derivationPrefix, byte[] secret, Consumer<byte[]> check,
            UnaryOperator<byte[]> publicKeyOf) {
        this.scheme = scheme;
        this.derivationPrefix = derivationPrefix;
        this.secret = secret;
        this.publicKeyOf = publicKeyOf;
        try {
            check.accept(secret);
        } catch (RuntimeException refused) {
            Arrays.fill(secret, (byte) 0);
            throw refused;
        }
    }

    @Override
    public final KeyScheme scheme() {
        return scheme;
    }

    /** @throws IllegalStateException if the pair was closed before its public key was ever needed */
    @Override
    public final synchronized byte[] publicKey() {
        return publicKeyBytes().clone();
    }

    @Override
    public final synchronized byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        ensureOpen();
        return signWith(secret, publicKeyBytes(), message);
    }

    /** A fresh copy the caller must zero. */
    @Override
    public final synchronized byte[] pkcs8Secret() {
        ensureOpen();
        return pkcs8SecretOf(secret, publicKeyBytes());
    }

    @Override
    public final synchronized void close() {
        Arrays.fill(secret, (byte) 0);
        closed = true;
    }

    /** Shows the public key only (none for a pair closed before it was computed). */
    @Override
    public final synchronized String toString() {
        if (publicKey == null && closed) {
            return getClass().getSimpleName() + "[closed]";
        }
        return getClass().getSimpleName() + "[publicKey=0x" + HexFormat.of().formatHex(publicKeyBytes()) + "]";
    }

    /**
     * The child secret for a hard junction, which the caller owns.
     *
     * @throws dev.hwbridge.simulator.error.SignerException {@code INVALID_PATH} for a soft junction
     */
    final synchronized byte[] childSecret(Junction junction) {
        Objects.requireNonNull(junction, "junction");
        HardDerivation.requireHard(scheme, junction);
        ensureOpen();
        return HardDerivation.childSecret(derivationPrefix, secret, junction);
    }

    /** Signs {@code message}; called with the lock held and the pair open. */
    abstract byte[] signWith(byte[] secret, byte[] publicKey, byte[] message);

    /** The secret as polkadot-js stores it, in a new array; called with the lock held and the pair open. */
    abstract byte[] pkcs8SecretOf(byte[] secret, byte[] publicKey);

    /** The public key held here, computed the first time; called with the lock held. */
    private byte[] publicKeyBytes() {
        if (publicKey == null) {
            ensureOpen();
            publicKey = publicKeyOf.apply(secret);
        }
        return publicKey;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the " + scheme.id() + " key pair is closed");
        }
    }
}
