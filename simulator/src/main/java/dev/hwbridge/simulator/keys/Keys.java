package dev.hwbridge.simulator.keys;

import dev.hwbridge.protocol.account.DerivationPath;
import dev.hwbridge.protocol.account.Junction;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.error.SignerException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Builds key pairs as polkadot-js {@code Keyring.createFromUri} does: the root pair from a 32-byte
 * seed (mini-secret), then one derivation per junction. Every pair returned is new and owned by
 * the caller, who closes it. Stateless.
 */
public final class Keys {

    private Keys() {
    }

    /** The pair a secret URI names: root from {@link SecretUri#seed()}, then each junction in order. */
    public static KeyPair fromUri(KeyScheme scheme, SecretUri uri) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(uri, "uri");
        requireDerivable(scheme, uri.path());
        byte[] seed = uri.seed();
        try {
            return fromSeed(scheme, seed, uri.path());
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * The pair at {@code path} below the root of a 32-byte seed ({@link #fromSeed(KeyScheme, byte[])},
     * then {@link #derive}). The caller keeps (and zeroes) its array.
     *
     * @throws SignerException INVALID_PATH, before any work, for a soft junction on a scheme
     *         without soft derivation
     */
    public static KeyPair fromSeed(KeyScheme scheme, byte[] seed32, DerivationPath path) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(path, "path");
        requireDerivable(scheme, path);
        try (KeyPair root = fromSeed(scheme, seed32)) {
            return derive(root, path);
        }
    }

    /**
     * The root pair of a 32-byte seed: the sr25519 mini-secret, the ed25519 RFC 8032 seed, or the
     * ecdsa private key. The caller keeps (and zeroes) its array.
     */
    public static KeyPair fromSeed(KeyScheme scheme, byte[] seed32) {
        Objects.requireNonNull(scheme, "scheme");
        return switch (scheme) {
            case SR25519 -> Sr25519Keys.fromMiniSecret(seed32);
            case ED25519 -> Ed25519Keys.fromSeed(seed32);
            case ECDSA -> EcdsaKeys.fromSeed(seed32);
        };
    }

    /**
     * The pair for the secret inside a polkadot-js JSON "pkcs8" body: sr25519 64 bytes (scalar×8 ‖
     * nonce); ed25519 64 bytes (seed ‖ public key) or a 32-byte seed; ecdsa the 32-byte private key.
     *
     * @throws SignerException INVALID_KEY for another length or inconsistent key material
     */
    public static KeyPair fromPkcs8Secret(KeyScheme scheme, byte[] secret) {
        Objects.requireNonNull(scheme, "scheme");
        return switch (scheme) {
            case SR25519 -> Sr25519Keys.fromSecretBytes(secret);
            case ED25519 -> Ed25519Keys.fromPkcs8Secret(secret);
            case ECDSA -> EcdsaKeys.fromSeed(secret);
        };
    }

    /**
     * The pair at {@code path} below {@code root}: one derivation per junction, intermediate pairs
     * closed on the way. Always a new pair (a copy of root for the empty path); root stays open.
     *
     * @throws SignerException INVALID_PATH, before any work, for a soft junction on a scheme
     *         without soft derivation
     */
    public static KeyPair derive(KeyPair root, DerivationPath path) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(path, "path");
        requireDerivable(root.scheme(), path);
        if (path.isEmpty()) {
            return copy(root);
        }
        KeyPair current = root;
        try {
            for (Junction junction : path.junctions()) {
                KeyPair child = current.derive(junction);
                closeUnlessRoot(current, root);
                current = child;
            }
            return current;
        } catch (RuntimeException failure) {
            closeUnlessRoot(current, root);
            throw failure;
        }
    }

    private static void closeUnlessRoot(KeyPair pair, KeyPair root) {
        if (pair != root) {
            pair.close();
        }
    }

    private static void requireDerivable(KeyScheme scheme, DerivationPath path) {
        if (!scheme.supportsSoftDerivation() && path.hasSoftJunction()) {
            throw HardDerivation.softJunctionRefused(scheme);
        }
    }

    private static KeyPair copy(KeyPair pair) {
        if (pair instanceof Sr25519Keys sr25519) {
            return sr25519.copy();
        }
        byte[] secret = pair.pkcs8Secret();
        try {
            return fromPkcs8Secret(pair.scheme(), secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
