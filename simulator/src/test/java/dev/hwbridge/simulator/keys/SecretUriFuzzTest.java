package dev.hwbridge.simulator.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.simulator.bip39.Mnemonic;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.nio.charset.StandardCharsets;

/**
 * Parses arbitrary text as a polkadot-js secret URI, as the simulator's command line and JSON
 * import read one. A URI that parses is written back in canonical form (the mnemonic's phrase or
 * the hex seed, the path, the password) and must parse to an equal URI.
 */
class SecretUriFuzzTest {

    @FuzzTest
    void anyTextParsesToAUriThatRoundTripsOrIsASignerError(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try (SecretUri uri = SecretUri.parse(text)) {
            assertThat(uri.toString()).isEqualTo("SecretUri[path=" + uri.path() + "]");
            if (uri.kind() != SecretUri.Kind.STRING_SEED) {
                try (SecretUri again = SecretUri.parse(canonical(uri))) {
                    assertThat(again).isEqualTo(uri);
                }
            }
        } catch (SignerException refused) {
            assertThat(refused.code()).isIn(SignerError.INVALID_SECRET, SignerError.UNKNOWN_WORD,
                    SignerError.BAD_CHECKSUM, SignerError.BAD_WORD_COUNT, SignerError.INVALID_PATH);
        }
    }

    private static String canonical(SecretUri uri) {
        byte[] secret = uri.secret();
        byte[] password = uri.password();
        String phrase = uri.kind() == SecretUri.Kind.MNEMONIC ? Mnemonic.fromEntropy(secret) : Hex.toHex(secret);
        String suffix = password.length == 0 ? "" : "///" + new String(password, StandardCharsets.UTF_8);
        return phrase + uri.path() + suffix;
    }
}
