package dev.hwbridge.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The secrets a test knows, and a search for them in text and bytes. Each secret has a name for
 * the report (the report never shows a secret itself) and one way of being found: as a whole
 * word (seed words: {@code \bword\b}, any case), as text (PINs, passwords: any case), or as bytes
 * (mini-secrets, keys: lower- or upper-case hex, standard or URL-safe base64, or the raw bytes
 * inside a file). Not thread-safe while being built.
 */
final class SecretScan {

    /** Where a secret was found: the secret's name and the place (a file and line, or a frame). */
    record Hit(String secret, String place) {
    }

    private final Map<String, Pattern> textual = new LinkedHashMap<>();
    private final Map<String, byte[]> binary = new LinkedHashMap<>();

    /** A seed word, matched as a whole word in any case. */
    SecretScan word(String name, String word) {
        textual.put(name, Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        return this;
    }

    /** A PIN or password, matched as a substring in any case. */
    SecretScan text(String name, String text) {
        textual.put(name, Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        return this;
    }

    /** Key material: found as hex (any case), base64 (standard or URL-safe, padded or not), or raw bytes. */
    SecretScan bytes(String name, byte[] secret) {
        String hex = HexFormat.of().formatHex(secret);
        String base64 = Base64.getEncoder().withoutPadding().encodeToString(secret);
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        textual.put(name + " (hex)", Pattern.compile(Pattern.quote(hex), Pattern.CASE_INSENSITIVE));
        textual.put(name + " (base64)", Pattern.compile(Pattern.quote(base64)));
        textual.put(name + " (base64url)", Pattern.compile(Pattern.quote(urlSafe)));
        binary.put(name + " (raw bytes)", secret.clone());
        return this;
    }

    /** Every secret found in {@code text}; {@code place} names where the text came from. */
    List<Hit> inText(String place, String text) {
        List<Hit> hits = new ArrayList<>();
        textual.forEach((name, pattern) -> {
            if (pattern.matcher(text).find()) {
                hits.add(new Hit(name, place));
            }
        });
        return hits;
    }

    /** {@link #inText} over each line of {@code lines}, naming the line. */
    List<Hit> inLines(String place, List<String> lines) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            hits.addAll(inText(place + ":" + (i + 1), lines.get(i)));
        }
        return hits;
    }

    /** Every secret found in a file's bytes: as raw bytes, and as text in UTF-8 and ISO-8859-1. */
    List<Hit> inFile(String place, byte[] content) {
        List<Hit> hits = new ArrayList<>(inText(place, new String(content, StandardCharsets.UTF_8)));
        for (Hit hit : inText(place, new String(content, StandardCharsets.ISO_8859_1))) {
            if (!hits.contains(hit)) {
                hits.add(hit);
            }
        }
        binary.forEach((name, secret) -> {
            if (indexOf(content, secret) >= 0) {
                hits.add(new Hit(name, place));
            }
        });
        return hits;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public String toString() {
        // Names only: a failure message must not print the secrets themselves.
        return "SecretScan" + textual.keySet();
    }
}
