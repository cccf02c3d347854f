package dev.hwbridge.simulator.bip39;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MnemonicTest {

    private static final String ABANDON_ABOUT =
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    static Stream<Arguments> trezorVectors() throws IOException {
        JsonNode root = read(MnemonicTest.class.getResourceAsStream("trezor-english.json"));
        List<Arguments> vectors = new ArrayList<>();
        for (JsonNode vector : root.get("english")) {
            vectors.add(Arguments.of(vector.get(0).asText(), vector.get(1).asText()));
        }
        return vectors.stream();
    }

    static Stream<Arguments> polkadotJsMnemonics() throws IOException {
        JsonNode root = read(MnemonicTest.class.getResourceAsStream("/polkadot-js.json"));
        List<Arguments> vectors = new ArrayList<>();
        for (JsonNode mnemonic : root.get("mnemonics")) {
            vectors.add(Arguments.of(mnemonic.get("name").asText(), mnemonic.get("entropy").asText().substring(2),
                    mnemonic.get("phrase").asText(), mnemonic.get("words").asInt()));
        }
        return vectors.stream();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("trezorVectors")
    void trezorEntropyGivesItsPhraseAndBack(String entropyHex, String phrase) {
        assertThat(Mnemonic.fromEntropy(Hex.decode(entropyHex))).isEqualTo(phrase);
        assertThat(Hex.toHexString(Mnemonic.toEntropy(phrase))).isEqualTo(entropyHex);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("polkadotJsMnemonics")
    void polkadotJsEntropyGivesItsPhraseAndBack(String name, String entropyHex, String phrase, int words) {
        assertThat(Mnemonic.fromEntropy(Hex.decode(entropyHex))).isEqualTo(phrase);
        assertThat(phrase.split(" ")).hasSize(words);
        assertThat(Hex.toHexString(Mnemonic.toEntropy(phrase))).isEqualTo(entropyHex);
    }

    @Test
    void wordlistIsTheCanonicalEnglishList() throws Exception {
        List<String> words = Mnemonic.wordlist();
        assertThat(words).hasSize(2048).startsWith("abandon", "ability").endsWith("zone", "zoo");
        byte[] file = (String.join("\n", words) + "\n").getBytes(StandardCharsets.UTF_8);
        // SHA-256 of bitcoin/bips bip-0039/english.txt
        assertThat(Hex.toHexString(MessageDigest.getInstance("SHA-256").digest(file)))
                .isEqualTo("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda");
    }

    @Test
    void wordlistCannotBeModified() {
        assertThatThrownBy(() -> Mnemonic.wordlist().set(0, "bitcoin"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void phraseIsNormalisedForCaseWhitespaceAndCompatibilityForms() {
        byte[] expected = new byte[16];
        assertThat(Mnemonic.toEntropy("\u2028\u202f ABANDON\tabandon\nAbandon abandon\u3000abandon\u00a0abandon abandon "
                + "abandon abandon  abandon abandon about\r\n")).isEqualTo(expected);
        // Full-width letters decompose (NFKD) to ASCII.
        assertThat(Mnemonic.toEntropy(ABANDON_ABOUT.replace("about", "\uff41\uff42\uff4f\uff55\uff54")))
                .isEqualTo(expected);
    }

    @Test
    void unknownWordIsReportedByPositionWithoutEchoingIt() {
        String phrase = ABANDON_ABOUT.replaceFirst("abandon abandon abandon", "abandon abandon zebrafish");
        assertThatThrownBy(() -> Mnemonic.toEntropy(phrase))
                .isInstanceOf(SignerException.class)
                .hasMessage("word 3 is not in the BIP39 English list")
                .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.UNKNOWN_WORD);
    }

    @Test
    void wrongChecksumIsRejected() {
        String phrase = ABANDON_ABOUT.replace("about", "abandon");
        assertThatThrownBy(() -> Mnemonic.toEntropy(phrase))
                .isInstanceOf(SignerException.class)
                .hasMessageNotContaining("abandon")
                .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.BAD_CHECKSUM);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 11, 13, 23, 25, 48})
    void wordCountsOutsideTheFiveLengthsAreRejected(int count) {
        String phrase = String.join(" ", java.util.Collections.nCopies(count, "abandon"));
        assertThatThrownBy(() -> Mnemonic.toEntropy(phrase))
                .isInstanceOf(SignerException.class)
                .hasMessageNotContaining("abandon")
                .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.BAD_WORD_COUNT);
    }

    @Test
    void overlongPhraseIsRejectedBeforeItIsNormalised() {
        String phrase = ABANDON_ABOUT + " ".repeat(Mnemonic.MAX_PHRASE_LENGTH);
        assertThatThrownBy(() -> Mnemonic.toEntropy(phrase))
                .isInstanceOf(SignerException.class)
                .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.BAD_WORD_COUNT);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 12, 15, 17, 33, 64})
    void entropyOfAnUnsupportedLengthIsRejected(int length) {
        assertThatThrownBy(() -> Mnemonic.fromEntropy(new byte[length]))
                .isInstanceOf(SignerException.class)
                .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.INVALID_SECRET);
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 15, 18, 21, 24})
    void generatedPhraseHasTheAskedWordCountAndRoundTrips(int words) {
        String phrase = Mnemonic.generate(words, new SecureRandom());
        assertThat(phrase.split(" ")).hasSize(words).allMatch(Mnemonic::isWord);
        assertThat(Mnemonic.fromEntropy(Mnemonic.toEntropy(phrase))).isEqualTo(phrase);
        assertThat(Mnemonic.toEntropy(phrase)).hasSize(words * 4 / 3);
    }

    @Test
    void generateRefusesAnUnsupportedWordCount() {
        assertThatThrownBy(() -> Mnemonic.generate(13, new SecureRandom()))
                .isInstanceOf(SignerException.class)
                .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.BAD_WORD_COUNT);
    }

    @Test
    void isWordNormalisesLikeThePhraseParser() {
        assertThat(Mnemonic.isWord("zoo")).isTrue();
        assertThat(Mnemonic.isWord(" Zoo ")).isTrue();
        assertThat(Mnemonic.isWord("zo")).isFalse();
        assertThat(Mnemonic.isWord("")).isFalse();
        assertThat(Mnemonic.isWord(null)).isFalse();
    }

    static JsonNode read(InputStream in) throws IOException {
        try (in) {
            return new ObjectMapper().readTree(in);
        }
    }
}
