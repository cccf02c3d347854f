package dev.hwbridge.simulator.bip39;

import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BIP39 English mnemonics: phrase ↔ entropy for 12, 15, 18, 21 and 24 words, with the SHA-256
 * checksum. Stateless and thread-safe. Error messages name a word position, never a word.
 */
public final class Mnemonic {

    /** Longest phrase text accepted; 24 of the longest words with generous spacing fit easily. */
    public static final int MAX_PHRASE_LENGTH = 1024;
    private static final int BITS_PER_WORD = 11;
    private static final List<Integer> WORD_COUNTS = List.of(12, 15, 18, 21, 24);
    /** A word: anything between white space or Unicode separators (NFKD maps most of those to U+0020). */
    private static final Pattern WORD = Pattern.compile("[^\\s\\p{Z}]+");

    private Mnemonic() {
    }

    /**
     * The phrase for 16, 20, 24, 28 or 32 bytes of entropy, words joined by single spaces.
     *
     * @throws SignerException {@code INVALID_SECRET} for any other entropy length
     */
    public static String fromEntropy(byte[] entropy) {
        Objects.requireNonNull(entropy, "entropy");
        int wordCount = wordCountForEntropy(entropy.length);
        byte[] checksum = sha256(entropy);
        // At most 8 checksum bits (for 32 bytes of entropy), so entropy ‖ first hash byte holds every word.
        byte[] bits = Arrays.copyOf(entropy, entropy.length + 1);
        bits[entropy.length] = checksum[0];
        try {
            StringBuilder phrase = new StringBuilder(wordCount * 9);
            for (int i = 0; i < wordCount; i++) {
                if (i > 0) {
                    phrase.append(' ');
                }
                phrase.append(Wordlist.word(readBits(bits, i * BITS_PER_WORD)));
            }
            return phrase.toString();
        } finally {
            Arrays.fill(bits, (byte) 0);
            Arrays.fill(checksum, (byte) 0);
        }
    }

    /**
     * The entropy a phrase encodes. The phrase is NFKD-normalised and lower-cased; words may be
     * separated by any white space.
     *
     * @throws SignerException {@code BAD_WORD_COUNT} (also for text over {@link #MAX_PHRASE_LENGTH}),
     *         {@code UNKNOWN_WORD} (naming the 1-based position) or {@code BAD_CHECKSUM}
     */
    public static byte[] toEntropy(String phrase) {
        Objects.requireNonNull(phrase, "phrase");
        if (phrase.length() > MAX_PHRASE_LENGTH) {
            throw new SignerException(SignerError.BAD_WORD_COUNT,
                    "a mnemonic phrase has at most " + MAX_PHRASE_LENGTH + " characters");
        }
        String normalised = normalise(phrase);
        int wordCount = countWords(normalised);
        if (!WORD_COUNTS.contains(wordCount)) {
            throw new SignerException(SignerError.BAD_WORD_COUNT,
                    "a mnemonic has 12, 15, 18, 21 or 24 words, not " + wordCount);
        }
        String[] words = words(normalised, wordCount);
        int totalBits = wordCount * BITS_PER_WORD;
        int checksumBits = wordCount / 3;
        int entropyBytes = (totalBits - checksumBits) / 8;
        byte[] bits = new byte[entropyBytes + 1];
        byte[] hash = null;
        try {
            for (int i = 0; i < wordCount; i++) {
                int index = Wordlist.indexOf(words[i]);
                if (index < 0) {
                    throw new SignerException(SignerError.UNKNOWN_WORD,
                            "word " + (i + 1) + " is not in the BIP39 English list");
                }
                writeBits(bits, i * BITS_PER_WORD, index);
            }
            byte[] entropy = Arrays.copyOf(bits, entropyBytes);
            hash = sha256(entropy);
            int expected = (hash[0] & 0xff) >>> (8 - checksumBits);
            int actual = (bits[entropyBytes] & 0xff) >>> (8 - checksumBits);
            if (expected != actual) {
                Arrays.fill(entropy, (byte) 0);
                throw new SignerException(SignerError.BAD_CHECKSUM, "the mnemonic's checksum does not match");
            }
            return entropy;
        } finally {
            Arrays.fill(bits, (byte) 0);
            if (hash != null) {
                Arrays.fill(hash, (byte) 0);
            }
        }
    }

    /**
     * A new random phrase.
     *
     * @throws SignerException {@code BAD_WORD_COUNT} unless wordCount is 12, 15, 18, 21 or 24
     */
    public static String generate(int wordCount, SecureRandom random) {
        Objects.requireNonNull(random, "random");
        if (!WORD_COUNTS.contains(wordCount)) {
            throw new SignerException(SignerError.BAD_WORD_COUNT,
                    "a mnemonic has 12, 15, 18, 21 or 24 words, not " + wordCount);
        }
        byte[] entropy = new byte[wordCount * 4 / 3];
        try {
            random.nextBytes(entropy);
            return fromEntropy(entropy);
        } finally {
            Arrays.fill(entropy, (byte) 0);
        }
    }

    /** Whether one word (normalised as {@link #toEntropy} does) is in the English list. */
    public static boolean isWord(String word) {
        if (word == null) {
            return false;
        }
        Matcher matcher = WORD.matcher(normalise(word));
        return matcher.find() && Wordlist.indexOf(matcher.group()) >= 0 && !matcher.find();
    }

    /** The 2048 English words in list order (unmodifiable). */
    public static List<String> wordlist() {
        return Wordlist.words();
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    }

    /** Counts words without splitting, so an absurdly long input allocates nothing per word. */
    private static int countWords(String text) {
        Matcher matcher = WORD.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static String[] words(String text, int count) {
        String[] words = new String[count];
        Matcher matcher = WORD.matcher(text);
        for (int i = 0; i < count && matcher.find(); i++) {
            words[i] = matcher.group();
        }
        return words;
    }

    private static int wordCountForEntropy(int entropyBytes) {
        if (entropyBytes < 16 || entropyBytes > 32 || entropyBytes % 4 != 0) {
            throw new SignerException(SignerError.INVALID_SECRET,
                    "BIP39 entropy has 16, 20, 24, 28 or 32 bytes, not " + entropyBytes);
        }
        return entropyBytes * 3 / 4;
    }

    /** The 11 bits at bitOffset, most significant bit first. */
    private static int readBits(byte[] data, int bitOffset) {
        int value = 0;
        for (int i = 0; i < BITS_PER_WORD; i++) {
            int bit = bitOffset + i;
            value = (value << 1) | ((data[bit >>> 3] >>> (7 - (bit & 7))) & 1);
        }
        return value;
    }

    private static void writeBits(byte[] data, int bitOffset, int value) {
        for (int i = 0; i < BITS_PER_WORD; i++) {
            if (((value >>> (BITS_PER_WORD - 1 - i)) & 1) != 0) {
                int bit = bitOffset + i;
                data[bit >>> 3] |= (byte) (1 << (7 - (bit & 7)));
            }
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
