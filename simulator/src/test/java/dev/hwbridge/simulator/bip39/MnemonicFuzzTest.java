package dev.hwbridge.simulator.bip39;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.nio.charset.StandardCharsets;

/**
 * Reads arbitrary text as a BIP39 phrase, as recovery and the command line do: entropy that turns
 * back into an equivalent phrase, or a typed error.
 */
class MnemonicFuzzTest {

    @FuzzTest
    void anyTextGivesEntropyThatRoundTripsOrASignerError(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            byte[] entropy = Mnemonic.toEntropy(text);
            assertThat(entropy.length).isIn(16, 20, 24, 28, 32);
            String phrase = Mnemonic.fromEntropy(entropy);
            assertThat(Mnemonic.toEntropy(phrase)).isEqualTo(entropy);
            assertThat(phrase.split(" ")).allMatch(Mnemonic::isWord);
        } catch (SignerException refused) {
            assertThat(refused.code()).isIn(SignerError.BAD_WORD_COUNT, SignerError.UNKNOWN_WORD, SignerError.BAD_CHECKSUM);
        }
        Mnemonic.isWord(text);
    }
}
