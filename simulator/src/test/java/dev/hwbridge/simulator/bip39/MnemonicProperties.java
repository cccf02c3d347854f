package dev.hwbridge.simulator.bip39;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hwbridge.simulator.error.SignerException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class MnemonicProperties {

    static final List<String> MESSAGE_TEMPLATES = List.of(
            "word N is not in the BIP39 English list",
            "a mnemonic has N, N, N, N or N words, not N",
            "the mnemonic's checksum does not match",
            "a mnemonic phrase has at most N characters");

    @Property
    void entropyRoundTripsThroughThePhrase(@ForAll("entropies") byte[] entropy) {
        String phrase = Mnemonic.fromEntropy(entropy);
        assertThat(phrase.split(" ")).hasSize(entropy.length * 3 / 4);
        assertThat(Mnemonic.toEntropy(phrase)).isEqualTo(entropy);
    }

    @Property
    void junkTextGivesATypedErrorThatEchoesNoWord(@ForAll String junk) {
        assertOnlyTypedErrorWithoutWords(junk);
    }

    @Property
    void phrasesOfListWordsGiveATypedErrorThatEchoesNoWord(
            @ForAll("wordLists") @Size(min = 0, max = 30) List<String> words) {
        assertOnlyTypedErrorWithoutWords(String.join(" ", words));
    }

    @Property
    void oneChangedWordIsDetectedOrStillDecodes(@ForAll("entropies") byte[] entropy,
            @ForAll("listWords") String replacement, @ForAll("positions") int position) {
        String[] words = Mnemonic.fromEntropy(entropy).split(" ");
        words[position % words.length] = replacement;
        Throwable thrown = catchThrowable(() -> Mnemonic.toEntropy(String.join(" ", words)));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(SignerException.class);
        } else {
            // A replacement that happens to keep the checksum valid must still round-trip.
            assertThat(Mnemonic.fromEntropy(Mnemonic.toEntropy(String.join(" ", words))))
                    .isEqualTo(String.join(" ", words));
        }
    }

    /**
     * Messages are fixed templates where only numbers (a position, a count) vary, so no part of the
     * input can appear in them.
     */
    private static void assertOnlyTypedErrorWithoutWords(String input) {
        Throwable thrown = catchThrowable(() -> Mnemonic.toEntropy(input));
        if (thrown == null) {
            return;
        }
        assertThat(thrown).isInstanceOf(SignerException.class);
        assertThat(thrown.getMessage().replaceAll("\\b\\d+\\b", "N")).isIn(MESSAGE_TEMPLATES);
    }

    @Provide
    Arbitrary<byte[]> entropies() {
        return Arbitraries.of(16, 20, 24, 28, 32)
                .flatMap(length -> Arbitraries.bytes().array(byte[].class).ofSize(length));
    }

    @Provide
    Arbitrary<String> listWords() {
        return Arbitraries.of(Mnemonic.wordlist());
    }

    @Provide
    Arbitrary<List<String>> wordLists() {
        return Arbitraries.oneOf(listWords(), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(9))
                .list();
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 23);
    }
}
