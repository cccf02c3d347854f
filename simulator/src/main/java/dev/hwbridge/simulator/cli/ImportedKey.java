package dev.hwbridge.simulator.cli;

import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import dev.hwbridge.simulator.keys.KeyPair;
import dev.hwbridge.simulator.keys.Keys;
import dev.hwbridge.simulator.keystore.DecryptedAccount;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The public key of an opened JSON account file, checked against its secret. polkadot-js
 * {@code decodePkcs8} re-derives the pair from a 32-byte secret (ecdsa keys, old seed-only files)
 * and trusts the stored key next to a 64-byte one; we derive in both cases and refuse a file
 * whose stored key is not its secret's, since such a file would sign for another account.
 */
final class ImportedKey {

    private static final int SEED_LENGTH = 32;

    private ImportedKey() {
    }

    static byte[] publicKey(DecryptedAccount account) {
        byte[] stored = account.publicKey();
        if (account.isPublicOnly()) {
            return stored;
        }
        byte[] secret = account.secret();
        try (KeyPair pair = secret.length == SEED_LENGTH
                ? Keys.fromSeed(account.scheme(), secret)
                : Keys.fromPkcs8Secret(account.scheme(), secret)) {
            byte[] derived = pair.publicKey();
            if (!MessageDigest.isEqual(derived, stored)) {
                throw new SignerException(SignerError.INVALID_JSON,
                        "the public key in encoded does not belong to the secret key");
            }
            return derived;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
