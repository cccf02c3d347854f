package dev.hwbridge.simulator.bip39;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The BIP39 English wordlist, loaded once from the class path; immutable and thread-safe. */
final class Wordlist {

    static final int SIZE = 2048;
    private static final String RESOURCE = "english.txt";

    private static final List<String> WORDS = load();
    private static final Map<String, Integer> INDEX = index(WORDS);

    private Wordlist() {
    }

    static List<String> words() {
        return WORDS;
    }

    /** The word's 11-bit index, or -1 when the word is not in the list. */
    static int indexOf(String word) {
        return INDEX.getOrDefault(word, -1);
    }

    static String word(int index) {
        return WORDS.get(index);
    }

    private static List<String> load() {
        try (InputStream in = Wordlist.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the BIP39 English wordlist is missing from the class path");
            }
            List<String> words = new ArrayList<>(SIZE);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                words.add(line);
            }
            // A truncated or edited resource would silently change every phrase: refuse it.
            if (words.size() != SIZE) {
                throw new IllegalStateException("the BIP39 English wordlist must have 2048 words");
            }
            return List.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the BIP39 English wordlist", e);
        }
    }

    private static Map<String, Integer> index(List<String> words) {
        Map<String, Integer> index = new HashMap<>(SIZE * 2);
        for (int i = 0; i < words.size(); i++) {
            index.put(words.get(i), i);
        }
        return Map.copyOf(index);
    }
}
