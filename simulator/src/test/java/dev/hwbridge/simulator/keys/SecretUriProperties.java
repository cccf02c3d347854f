package dev.hwbridge.simulator.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hwbridge.simulator.bip39.Mnemonic;
import dev.hwbridge.simulator.error.SignerException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SecretUriProperties {

    private static final String DEV = SecretUri.DEV_PHRASE;

    /**
     * Every word of every fixed message text, found by provoking each failure once. A word of the
     * input that the message template itself contains is no leak; any other must not appear.
     */
    private static final Set<String> MESSAGE_VOCABULARY = vocabulary(List.of(
            "", "a  b", "Alice//", "Alice/" + "a".repeat(5000), "Alice" + "/a".repeat(200), "Alice//" + "9".repeat(80),
            DEV.replace("lake", "lakes"), DEV.replace("walk", "wall"), "abandon ".repeat(10).strip(),
            "x".repeat(40), "\u00c5lice", "a".repeat(SecretUri.MAX_LENGTH + 1), "Alice///\n"));

    @Property
    void arbitraryTextGivesAUriOrASignerErrorThatEchoesNoInputWord(@ForAll String text) {
        assertParsesOrFailsCleanly(text);
    }

    @Property
    void uriShapedJunkGivesAUriOrASignerErrorThatEchoesNoInputWord(@ForAll("uriShapedJunk") String text) {
        assertParsesOrFailsCleanly(text);
    }

    private static void assertParsesOrFailsCleanly(String text) {
        Throwable thrown = catchThrowable(() -> SecretUri.parse(text).close());
        if (thrown == null) {
            return;
        }
        assertThat(thrown).isInstanceOf(SignerException.class);
        Set<String> messageWords = words(thrown.getMessage());
        for (String word : words(text)) {
            boolean couldLeak = word.length() >= 3 && !word.chars().allMatch(Character::isDigit)
                    && !MESSAGE_VOCABULARY.contains(word);
            if (couldLeak) {
                assertThat(messageWords).doesNotContain(word);
            }
        }
    }

    @Provide
    Arbitrary<String> uriShapedJunk() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of(Mnemonic.wordlist()),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(6));
        Arbitrary<String> phrase = Arbitraries.oneOf(
                word.list().ofMaxSize(25).map(words -> String.join(" ", words)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40)
                        .map(bytes -> "0x" + new java.math.BigInteger(1, bytes).toString(16)),
                Arbitraries.of("", "//", DEV));
        Arbitrary<String> junction = Combinators.combine(Arbitraries.of("/", "//", "///"), word).as(String::concat);
        Arbitrary<String> path = junction.list().ofMaxSize(4).map(parts -> String.join("", parts));
        return Combinators.combine(phrase, path).as(String::concat);
    }

    private static Set<String> vocabulary(List<String> provocations) {
        Set<String> vocabulary = new HashSet<>();
        for (String text : provocations) {
            Throwable thrown = catchThrowable(() -> SecretUri.parse(text));
            if (!(thrown instanceof SignerException)) {
                throw new AssertionError("a provocation must fail with a SignerException", thrown);
            }
            vocabulary.addAll(words(thrown.getMessage()));
        }
        return vocabulary;
    }

    /** Lower-cased runs of letters and digits. */
    private static Set<String> words(String text) {
        return Arrays.stream(text.split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }
}
