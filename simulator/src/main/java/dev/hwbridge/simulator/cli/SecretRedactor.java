package dev.hwbridge.simulator.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Remembers the secret text one command run has read (URIs, their words, passwords) so that an
 * error line can be checked against it before it is printed. A belt on top of the braces: error
 * details from the signer core are already meant to be secret-free, but a detail that contains
 * any remembered text, in any case, is dropped rather than trusted. Not thread-safe; one per run.
 */
final class SecretRedactor {

    private final List<String> secrets = new ArrayList<>();

    /** Remembers a whole secret (a URI line, a password) and each word and junction in it. */
    void remember(String secret) {
        if (secret == null || secret.isEmpty()) {
            return;
        }
        secrets.add(secret.toLowerCase(Locale.ROOT));
        for (String part : secret.split("[\\s/]+")) {
            if (!part.isEmpty()) {
                secrets.add(part.toLowerCase(Locale.ROOT));
            }
        }
    }

    /** True if the text contains anything remembered (case-insensitively). */
    boolean revealsSecret(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
            if (lower.contains(secret)) {
                return true;
            }
        }
        return false;
    }
}
