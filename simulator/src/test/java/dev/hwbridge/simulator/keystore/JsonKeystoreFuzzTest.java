package dev.hwbridge.simulator.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Opens arbitrary text as a polkadot-js JSON account file, as ImportEncrypted does with whatever a
 * host sends. Input: a flags byte (bits 0–1: the fallback scheme; bit 2: no password), then the
 * file's UTF-8; the password is {@link #PASSWORD}.
 *
 * <p>scrypt itself is left out: an scrypt-sealed file is opened without a password (which stops
 * before the key derivation) and its {@code encoded} is split as decryption would split it, which
 * is where the cost parameters are bounded. Every accepted parameter set costs 0.05–0.3 s, which
 * would stall the fuzzer on every mutation of a valid file; JsonKeystoreTest decrypts real files.
 */
class JsonKeystoreFuzzTest {

    static final byte[] PASSWORD = "correct horse".getBytes(StandardCharsets.UTF_8);
    private static final int MIN_BOX = SecretBox.TAG_LENGTH + Pkcs8Body.MIN_LENGTH;

    @FuzzTest
    void anyFileOpensOrIsRefusedWithASignerError(byte[] input) {
        if (input.length == 0) {
            return;
        }
        KeyScheme fallback = KeyScheme.values()[(input[0] & 3) % KeyScheme.values().length];
        byte[] password = (input[0] & 4) != 0 ? null : PASSWORD.clone();
        String json = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        try {
            boolean scrypt;
            try (KeystoreFile file = KeystoreFile.parse(json, fallback)) {
                scrypt = file.encryption() == KeystoreFile.Encryption.SCRYPT;
                if (scrypt) {
                    EncodedLayout layout = EncodedLayout.parse(file.encoded(), MIN_BOX);
                    assertThat(layout.toBytes()).isEqualTo(file.encoded());
                }
            }
            try (DecryptedAccount account = JsonKeystore.decrypt(json, scrypt ? null : password, fallback)) {
                assertThat(scrypt).isFalse();
                int keyLength = account.scheme() == KeyScheme.ECDSA ? 33 : 32;
                assertThat(account.publicKey()).hasSize(keyLength);
                assertThat(account.secret().length).isIn(0, 32, 64);
                assertThat(account.meta().isObject()).isTrue();
            }
        } catch (SignerException refused) {
            assertThat(refused.code()).isIn(SignerError.INVALID_JSON, SignerError.UNSUPPORTED_JSON,
                    SignerError.WRONG_PASSWORD, SignerError.PASSWORD_REQUIRED);
        } finally {
            if (password != null) {
                Arrays.fill(password, (byte) 0);
            }
        }
    }
}
