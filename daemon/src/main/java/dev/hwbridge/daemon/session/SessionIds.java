package dev.hwbridge.daemon.session;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Session ids: 128 random bits in hex. Unlike trezord-go's counter they cannot be guessed, though
 * knowing one only allows a takeover (which its owner hears of), never using it.
 */
final class SessionIds {

    private static final int BYTES = 16;

    private final SecureRandom random;

    SessionIds(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    String next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
