package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.account.KeyScheme;
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

    /** A BIP39 seed, kept as its 16..32 bytes of entropy (the phrase and every key follow from it). */
    final class Seed implements IdentitySecret {
        private final byte[] entropy;

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

        @Override
        public void destroy() {
            Arrays.fill(entropy, (byte) 0);
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
