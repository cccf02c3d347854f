package dev.hwbridge.simulator.keys;

import dev.hwbridge.protocol.account.DerivationPath;
import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.simulator.bip39.MiniSecret;
import dev.hwbridge.simulator.bip39.Mnemonic;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A parsed polkadot-js secret URI {@code <secret>//hard/soft///password}, read as
 * {@code Keyring.createFromUri} reads it. The secret is a BIP39 mnemonic (kept as its entropy), a
 * {@code 0x} 32-byte seed, or a short string seed; the {@code ///password} is the mnemonic's
 * substrate-bip39 password, never a junction.
 *
 * <p>Secret parts leave only as fresh arrays; {@link #toString()} shows the path only;
 * {@link #close()} zeroes the secret and password. Immutable until closed.
 *
 * @param kind     what the secret part was
 * @param secret   the entropy (MNEMONIC) or the 32-byte seed (HEX_SEED, STRING_SEED)
 * @param path     the junctions
 * @param password the UTF-8 password, empty when there is none
 */
public record SecretUri(Kind kind, byte[] secret, DerivationPath path, byte[] password) implements AutoCloseable {

    /** The phrase polkadot-js puts before a URI that starts with {@code //} (Substrate's well-known dev accounts). */
    public static final String DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
    /** Longest URI accepted (characters, before and after normalisation). */
    public static final int MAX_LENGTH = 8192;

    private static final int SEED_LENGTH = 32;
    private static final List<Integer> MNEMONIC_WORD_COUNTS = List.of(12, 15, 18, 21, 24);
    private static final String PASSWORD_MARK = "///";

    /** What the secret part of a URI was. */
    public enum Kind {
        /** A BIP39 English phrase; the seed is its mini-secret under the password. */
        MNEMONIC,
        /** {@code 0x} and 64 hex digits, used as the seed itself (any password is ignored, as in polkadot-js). */
        HEX_SEED,
        /** Other text of at most 32 characters, space-padded to 32 bytes (any password is ignored, as in polkadot-js). */
        STRING_SEED
    }

    public SecretUri {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(path, "path");
        boolean fits = kind == Kind.MNEMONIC
                ? secret.length >= 16 && secret.length <= 32 && secret.length % 4 == 0
                : secret.length == SEED_LENGTH;
        if (!fits) {
            throw new SignerException(SignerError.INVALID_SECRET,
                    "a " + kind + " secret cannot have " + secret.length + " bytes");
        }
        secret = secret.clone();
        password = password == null ? new byte[0] : password.clone();
    }

    /**
     * Parses a secret URI exactly as polkadot-js 14 does: a URI starting with {@code //} gets
     * {@link #DEV_PHRASE} in front; the text is NFC-normalised; the secret is words of letters
     * and digits separated by single spaces. Then: {@code 0x} + 64 hex digits is a seed; 12, 15,
     * 18, 21 or 24 words must be a valid mnemonic; anything else of at most 32 characters is a
     * string seed. One leniency: mnemonic words are matched case-insensitively.
     *
     * @throws SignerException INVALID_SECRET (not a URI, or a secret that fits no form),
     *         UNKNOWN_WORD / BAD_CHECKSUM (a mnemonic-length phrase that is not valid),
     *         BAD_WORD_COUNT (several words, too long for a string seed, not a mnemonic length),
     *         INVALID_PATH. Messages never repeat the input.
     */
    public static SecretUri parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        requireBounded(uri);
        String full = uri.startsWith("//") ? DEV_PHRASE + uri : uri;
        String text = Normalizer.normalize(full, Normalizer.Form.NFC);
        requireBounded(text);

        // The phrase and the junctions cannot hold "///", so the first one starts the password.
        int mark = text.indexOf(PASSWORD_MARK);
        String head = mark < 0 ? text : text.substring(0, mark);
        String password = mark < 0 ? null : text.substring(mark + PASSWORD_MARK.length());
        if (password != null && hasLineTerminator(password)) {
            throw notAUri();
        }
        int slash = head.indexOf('/');
        String phrase = slash < 0 ? head : head.substring(0, slash);
        if (!isPhrase(phrase)) {
            throw notAUri();
        }
        DerivationPath path = parsePath(slash < 0 ? "" : head.substring(slash));
        byte[] passwordBytes = password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
        try {
            return fromPhrase(phrase, path, passwordBytes);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
    }

    /** The 32-byte root seed: the mnemonic's mini-secret under the password, or the seed. A fresh array. */
    public byte[] seed() {
        return kind == Kind.MNEMONIC ? MiniSecret.fromEntropy(secret, password) : secret.clone();
    }

    /** Whether a non-empty password was given (it only changes keys of a MNEMONIC). */
    public boolean hasPassword() {
        return password.length > 0;
    }

    /**
     * This URI with {@code password} in place of any {@code ///password}, treated as one written in
     * the URI would be (NFC-normalised; no line breaks). Null or empty removes the password.
     */
    public SecretUri withPassword(String password) {
        if (password == null) {
            return new SecretUri(kind, secret, path, null);
        }
        String normalised = Normalizer.normalize(password, Normalizer.Form.NFC);
        if (normalised.length() > MAX_LENGTH || hasLineTerminator(normalised)) {
            throw new SignerException(SignerError.INVALID_SECRET,
                    "a password has at most " + MAX_LENGTH + " characters and no line breaks");
        }
        byte[] bytes = normalised.getBytes(StandardCharsets.UTF_8);
        try {
            return new SecretUri(kind, secret, path, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The entropy or seed (see {@link #kind()}), a fresh copy the caller must zero. */
    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /** The UTF-8 password (empty when none), a fresh copy the caller must zero. */
    @Override
    public byte[] password() {
        return password.clone();
    }

    /** Zeroes the secret and the password; the URI is useless afterwards. */
    @Override
    public void close() {
        Arrays.fill(secret, (byte) 0);
        Arrays.fill(password, (byte) 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretUri other && kind == other.kind && path.equals(other.path)
                && MessageDigest.isEqual(secret, other.secret) && MessageDigest.isEqual(password, other.password);
    }

    /** From public parts only, so the hash says nothing about the secret. */
    @Override
    public int hashCode() {
        return Objects.hash(kind, path);
    }

    /** The path only, e.g. {@code SecretUri[path=//polkadot//0]}. */
    @Override
    public String toString() {
        return "SecretUri[path=" + path + "]";
    }

    private static SecretUri fromPhrase(String phrase, DerivationPath path, byte[] password) {
        if (phrase.length() == 2 + 2 * SEED_LENGTH && Hex.isHex(phrase)) {
            byte[] seed = Hex.fromHex(phrase);
            try {
                return new SecretUri(Kind.HEX_SEED, seed, path, password);
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        }
        int words = 1 + (int) phrase.chars().filter(c -> c == ' ').count();
        if (MNEMONIC_WORD_COUNTS.contains(words)) {
            byte[] entropy = Mnemonic.toEntropy(phrase);
            try {
                return new SecretUri(Kind.MNEMONIC, entropy, path, password);
            } finally {
                Arrays.fill(entropy, (byte) 0);
            }
        }
        if (phrase.length() > SEED_LENGTH) {
            if (words > 1) {
                throw new SignerException(SignerError.BAD_WORD_COUNT, "a phrase of " + words
                        + " words is no mnemonic (12, 15, 18, 21 or 24 words) and too long for a string seed");
            }
            throw new SignerException(SignerError.INVALID_SECRET,
                    "a secret that is no mnemonic and no 0x seed of 32 bytes has at most 32 characters");
        }
        // polkadot-js pads to 32 UTF-16 units and then encodes UTF-8; only ASCII gives the 32-byte seed it needs.
        byte[] seed = (phrase + " ".repeat(SEED_LENGTH - phrase.length())).getBytes(StandardCharsets.UTF_8);
        try {
            if (seed.length != SEED_LENGTH) {
                throw new SignerException(SignerError.INVALID_SECRET,
                        "a string seed must be ASCII text of at most 32 characters");
            }
            return new SecretUri(Kind.STRING_SEED, seed, path, password);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** polkadot-js {@code [\p{L}\d]+(?: [\p{L}\d]+)*}: letters (any script) and ASCII digits, single spaces between words. */
    private static boolean isPhrase(String phrase) {
        if (phrase.isEmpty() || phrase.charAt(0) == ' ' || phrase.charAt(phrase.length() - 1) == ' ') {
            return false;
        }
        boolean previousSpace = false;
        for (int i = 0; i < phrase.length(); ) {
            int cp = phrase.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ') {
                if (previousSpace) {
                    return false;
                }
                previousSpace = true;
            } else if (Character.isLetter(cp) || (cp >= '0' && cp <= '9')) {
                previousSpace = false;
            } else {
                return false;
            }
        }
        return true;
    }

    private static DerivationPath parsePath(String path) {
        try {
            return DerivationPath.parse(path);
        } catch (FormatException e) {
            throw new SignerException(SignerError.INVALID_PATH, e.getMessage(), e);
        }
    }

    /** What JavaScript's {@code .} refuses to match, so a password cannot contain it. */
    private static boolean hasLineTerminator(String text) {
        return text.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029');
    }

    private static void requireBounded(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new SignerException(SignerError.INVALID_SECRET,
                    "a secret URI has at most " + MAX_LENGTH + " characters");
        }
    }

    private static SignerException notAUri() {
        return new SignerException(SignerError.INVALID_SECRET,
                "a secret URI is <mnemonic | 0x seed | short text>[//hard][/soft][///password]");
    }
}
