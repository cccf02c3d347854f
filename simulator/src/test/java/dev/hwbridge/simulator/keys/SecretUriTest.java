package dev.hwbridge.simulator.keys;

import static dev.hwbridge.simulator.keys.PolkadotJsVectors.assertJunctions;
import static dev.hwbridge.simulator.keys.PolkadotJsVectors.assertPathRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.protocol.account.AccountId;
import dev.hwbridge.protocol.account.DerivationPath;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretUriTest {

    private static final String DEV = SecretUri.DEV_PHRASE;
    private static final JsonNode DEV_MNEMONIC = PolkadotJsVectors.ROOT.get("mnemonics").get(0);

    static Stream<Arguments> suriForms() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode form : PolkadotJsVectors.ROOT.get("suriForms")) {
            for (KeyScheme scheme : KeyScheme.values()) {
                cases.add(Arguments.of(form.get("suri").asText(), scheme, form));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("suriForms")
    void suriFormGivesThePolkadotJsKey(String suri, KeyScheme scheme, JsonNode form) {
        SecretUri uri = SecretUri.parse(suri);
        assertJunctions(uri, form.get("junctions"),
                (junction, vector) -> assertThat(junction.toString()).isEqualTo(vector.get("junction").asText()));
        JsonNode expected = form.get(scheme.id());
        if (expected.has("error")) {
            assertPathRefused(scheme, uri);
            return;
        }
        try (KeyPair pair = Keys.fromUri(scheme, uri)) {
            assertThat(Hex.toHex(pair.publicKey())).isEqualTo(expected.get("publicKey").asText());
            assertThat(Ss58.encode(AccountId.of(scheme, pair.publicKey()), Ss58Prefix.SUBSTRATE))
                    .isEqualTo(expected.get("address42").asText());
        }
    }

    @Test
    void leadingDoubleSlashMeansTheDevPhrase() {
        assertThat(SecretUri.parse("//Alice")).isEqualTo(SecretUri.parse(DEV + "//Alice"));
        assertThat(SecretUri.parse("///pass")).isEqualTo(SecretUri.parse(DEV + "///pass"));
        assertThat(SecretUri.parse("///pass").seed())
                .isEqualTo(PolkadotJsVectors.bytes(DEV_MNEMONIC.get("miniSecret").get("pass")));
    }

    @Test
    void mnemonicSeedIsTheMiniSecretUnderTheUriPassword() {
        JsonNode secrets = DEV_MNEMONIC.get("miniSecret");
        assertThat(SecretUri.parse(DEV).seed()).isEqualTo(PolkadotJsVectors.bytes(secrets.get("")));
        assertThat(SecretUri.parse(DEV + "///Substrate").seed())
                .isEqualTo(PolkadotJsVectors.bytes(secrets.get("Substrate")));
        assertThat(SecretUri.parse(DEV + "///").hasPassword()).isFalse();
        assertThat(SecretUri.parse(DEV + "///").seed()).isEqualTo(PolkadotJsVectors.bytes(secrets.get("")));
        assertThat(SecretUri.parse(DEV).secret()).isEqualTo(PolkadotJsVectors.bytes(DEV_MNEMONIC.get("entropy")));
    }

    @Test
    void passwordRunsToTheEndAndMayHoldSlashes() {
        SecretUri uri = SecretUri.parse(DEV + "//0////a//b");
        assertThat(uri.path().toString()).isEqualTo("//0");
        assertThat(new String(uri.password(), StandardCharsets.UTF_8)).isEqualTo("/a//b");
    }

    @Test
    void withPasswordEqualsATrailingPassword() {
        SecretUri plain = SecretUri.parse(DEV + "//1");
        assertThat(plain.withPassword("pass")).isEqualTo(SecretUri.parse(DEV + "//1///pass"));
        assertThat(SecretUri.parse(DEV + "//1///pass").withPassword(null)).isEqualTo(plain);
        // A URI is NFC-normalised as a whole, so a password given apart is too.
        assertThat(plain.withPassword("e\u0301")).isEqualTo(SecretUri.parse(DEV + "//1///\u00e9"));
        assertThat(plain.withPassword("pass")).isNotEqualTo(plain.withPassword("Pass"));
    }

    @Test
    void hexSeedIsUsedAsIsAndIgnoresThePassword() {
        String hex = DEV_MNEMONIC.get("miniSecret").get("").asText();
        SecretUri uri = SecretUri.parse(hex.toUpperCase().replace("0X", "0x") + "///ignored");
        assertThat(uri.kind()).isEqualTo(SecretUri.Kind.HEX_SEED);
        assertThat(uri.hasPassword()).isTrue();
        assertThat(uri.seed()).isEqualTo(Hex.fromHex(hex));
    }

    @Test
    void shortTextIsASpacePaddedStringSeed() {
        SecretUri uri = SecretUri.parse("Alice///ignored");
        assertThat(uri.kind()).isEqualTo(SecretUri.Kind.STRING_SEED);
        assertThat(uri.seed()).isEqualTo("Alice                           ".getBytes(StandardCharsets.US_ASCII));
        // polkadot-js: a few words, or 0x text that is not 32 bytes, are string seeds as well.
        assertThat(SecretUri.parse("hello world").kind()).isEqualTo(SecretUri.Kind.STRING_SEED);
        assertThat(SecretUri.parse("0x1234").seed()).startsWith("0x1234 ".getBytes(StandardCharsets.US_ASCII));
        assertThat(SecretUri.parse("a".repeat(32)).kind()).isEqualTo(SecretUri.Kind.STRING_SEED);
    }

    @Test
    void mnemonicWordsMatchWhateverTheirCase() {
        assertThat(SecretUri.parse(DEV.toUpperCase() + "//Alice")).isEqualTo(SecretUri.parse(DEV + "//Alice"));
    }

    @Test
    void mnemonicLengthPhraseWithAnUnknownWordIsAnErrorNotAStringSeed() {
        String phrase = DEV.replace("lake", "lakes");
        assertThatThrownBy(() -> SecretUri.parse(phrase + "//0"))
                .isInstanceOf(SignerException.class)
                .hasMessage("word 4 is not in the BIP39 English list")
                .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.UNKNOWN_WORD);
    }

    @Test
    void mnemonicLengthPhraseWithABadChecksumIsAnError() {
        assertThatThrownBy(() -> SecretUri.parse(DEV.replace("walk", "wall")))
                .isInstanceOf(SignerException.class)
                .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.BAD_CHECKSUM);
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 9, 11, 13, 23, 25})
    void phraseOfAnotherWordCountTooLongForAStringSeedIsABip39Error(int words) {
        String phrase = String.join(" ", Collections.nCopies(words, "abandon"));
        assertThat(phrase).hasSizeGreaterThan(32);
        assertThatThrownBy(() -> SecretUri.parse(phrase))
                .isInstanceOf(SignerException.class)
                .hasMessageNotContaining("abandon")
                .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.BAD_WORD_COUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Alice ", " Alice", "two  spaces", "tab\tseparated", "Alice\n", "dash-ed",
        "0X0000000000000000000000000000000000000000000000000000000000000000",
        "0x000000000000000000000000000000000000000000000000000000000000000000",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg", "\u00c5lice", "Alice///line\nbreak", "Alice///\u2028"})
    void textThatIsNoSecretUriIsRejected(String text) {
        assertThatThrownBy(() -> SecretUri.parse(text))
                .isInstanceOf(SignerException.class)
                .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.INVALID_SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice//", "Alice/", "Alice//a//", "Alice//99999999999999999999999999999999999999999999999999999999999999999999999999999999"})
    void malformedPathIsRejected(String text) {
        assertThatThrownBy(() -> SecretUri.parse(text))
                .isInstanceOf(SignerException.class)
                .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.INVALID_PATH);
    }

    @Test
    void overlongUriIsRejectedBeforeParsing() {
        assertThatThrownBy(() -> SecretUri.parse("a".repeat(SecretUri.MAX_LENGTH + 1)))
                .isInstanceOf(SignerException.class)
                .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.INVALID_SECRET);
    }

    @Test
    void toStringShowsThePathOnly() {
        SecretUri uri = SecretUri.parse(DEV + "//polkadot/0///hunter2");
        assertThat(uri.toString()).isEqualTo("SecretUri[path=//polkadot/0]");
    }

    @Test
    void secretPartsAreFreshCopiesAndCloseZeroesThem() {
        SecretUri uri = SecretUri.parse(DEV + "///pass");
        uri.secret()[0] ^= 1;
        uri.password()[0] ^= 1;
        assertThat(uri).isEqualTo(SecretUri.parse(DEV + "///pass"));
        uri.close();
        assertThat(uri.secret()).containsOnly(0);
        assertThat(uri.password()).containsOnly(0);
    }

    @Test
    void constructorRefusesASecretOfTheWrongSize() {
        assertThatThrownBy(() -> new SecretUri(SecretUri.Kind.HEX_SEED, new byte[31],
                DerivationPath.empty(), null))
                .isInstanceOf(SignerException.class)
                .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.INVALID_SECRET);
    }
}
