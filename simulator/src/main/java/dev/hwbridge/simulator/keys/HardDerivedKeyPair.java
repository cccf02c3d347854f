package dev.hwbridge.simulator.keys;

import dev.hwbridge.protocol.account.Junction;
import dev.hwbridge.protocol.account.KeyScheme;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the ed25519 and ecdsa pairs share: one 32-byte secret, zeroed by {@link #close()} and refused
 * after it; the public key computed from it once; and hard-only derivation ({@link HardDerivation}).
 * Subclasses say how to sign with the secret and how polkadot-js stores it.
 *
 * <p>Thread-safe: every use of the secret holds the pair's lock and first checks the pair is open.
 */
abstract class HardDerivedKeyPair implements KeyPair {

    private final KeyScheme scheme;
    private final byte[] derivationPrefix;
    private final byte[] secret;
    private final byte[] publicKey;
    private boolean closed;

    /** Takes ownership of {@code secret}, and wipes it if {@code publicKeyOf} refuses it. */
    HardDerivedKeyPair(KeyScheme scheme, byte[] derivationPrefix, byte[] secret, UnaryOperator<byte[]> publicKeyOf) {
        this.scheme = scheme;
        this.derivationPrefix = derivationPrefix;
        this.secret = secret;
        try {
            this.publicKey = publicKeyOf.apply(secret);
        } catch (RuntimeException refused) {
            Arrays.fill(secret, (byte) 0);
            throw refused;
        }
    }

    @Override
    public final KeyScheme scheme() {
        return scheme;
    }

    @Override
    public final byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public final synchronized byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        ensureOpen();
        return signWith(secret, publicKey, message);
    }

    /** A fresh copy the caller must zero. */
    @Override
    public final synchronized byte[] pkcs8Secret() {
        ensureOpen();
        return pkcs8SecretOf(secret, publicKey);
    }

    @Override
    public final synchronized void close() {
        Arrays.fill(secret, (byte) 0);
        closed = true;
    }

    /** Shows the public key only. */
    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[publicKey=0x" + HexFormat.of().formatHex(publicKey) + "]";
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

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the " + scheme.id() + " key pair is closed");
        }
    }
}
