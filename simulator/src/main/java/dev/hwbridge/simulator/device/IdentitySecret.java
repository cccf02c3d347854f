package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.bip39.MiniSecret;
import java.util.Arrays;
import java.util.Objects;

/**
 * What one identity holds: a BIP39 seed (its entropy) or one key imported from a JSON file.
 * Accessors return fresh copies the caller zeroes; {@link #destroy()} zeroes the held bytes;
 * {@code toString} never shows a secret.
 */
sealed interface IdentitySecret permits IdentitySecret.Seed, IdentitySecret.ImportedKey {

    /** Zeroes the secret bytes held here. */
    void destroy();

    /**
     * A BIP39 seed, kept as its 16..32 bytes of entropy (the phrase and every key follow from it),
     * and, once first needed, its mini-secret without a {@code ///password}: substrate-bip39's
     * PBKDF2 (2048 rounds of HMAC-SHA512) is most of the cost of a key, so a device deriving many
     * addresses pays it once per unlock rather than once per address. Both are zeroed by
     * {@link #destroy()}, which the device calls when it locks, is wiped, or drops the identity;
     * a state opened again by the PIN is new objects, whose mini-secret is computed again.
     */
    final class Seed implements IdentitySecret {
        private final byte[] entropy;
        /** Null until first needed, and again once destroyed. */
        private byte[] miniSecret;
        private boolean destroyed;

        Seed(byte[] entropy) {
            if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
                throw new IllegalArgumentException("BIP39 entropy has 16, 20, 24, 28 or 32 bytes");
            }
            this.entropy = entropy.clone();
        }

        byte[] entropy() {
            return entropy.clone();
        }

        int wordCount() {
            return entropy.length * 3 / 4;
        }

        /**
         * The 32-byte mini-secret of this seed without a password, computed the first time and
         * kept; a fresh copy the caller zeroes. A password gives another mini-secret, which is
         * never kept: ask {@link dev.hwbridge.simulator.bip39.MiniSecret} for it.
         *
         * @throws IllegalStateException once destroyed
         */
        synchronized byte[] miniSecret() {
            if (destroyed) {
                throw new IllegalStateException("the seed was destroyed");
            }
            if (miniSecret == null) {
                miniSecret = MiniSecret.fromEntropy(entropy, new byte[0]);
            }
            return miniSecret.clone();
        }

        /** The mini-secret array held now (not a copy), or null; for tests that check it is wiped. */
        synchronized byte[] heldMiniSecret() {
            return miniSecret;
        }

        @Override
        public synchronized void destroy() {
            destroyed = true;
            Arrays.fill(entropy, (byte) 0);
            if (miniSecret != null) {
                Arrays.fill(miniSecret, (byte) 0);
                miniSecret = null;
            }
        }

        @Override
        public String toString() {
            return "Seed[" + wordCount() + " words]";
        }
    }

    /** One key of one scheme, in the polkadot-js pkcs8 form, with its public key. */
    final class ImportedKey implements IdentitySecret {
        private final KeyScheme scheme;
        private final byte[] pkcs8Secret;
        private final byte[] publicKey;

        ImportedKey(KeyScheme scheme, byte[] pkcs8Secret, byte[] publicKey) {
            this.scheme = Objects.requireNonNull(scheme, "scheme");
            this.pkcs8Secret = pkcs8Secret.clone();
            this.publicKey = publicKey.clone();
        }

        KeyScheme scheme() {
            return scheme;
        }

        byte[] pkcs8Secret() {
            return pkcs8Secret.clone();
        }

        byte[] publicKey() {
            return publicKey.clone();
        }

        @Override
        public void destroy() {
            Arrays.fill(pkcs8Secret, (byte) 0);
        }

        @Override
        public String toString() {
            return "ImportedKey[" + scheme.id() + "]";
        }
    }
}
