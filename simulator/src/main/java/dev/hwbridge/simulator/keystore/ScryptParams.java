package dev.hwbridge.simulator.keystore;

import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.util.Set;

/**
 * Scrypt cost parameters of a JSON v3 file. Only the set polkadot-js 14 accepts can be
 * constructed, so scrypt never runs with parameters taken unchecked from a file.
 */
public record ScryptParams(int n, int p, int r) {

    // polkadot-js scrypt/fromU8a refuses these before looking at its allow-list.
    private static final long MAX_N = 1L << 20;
    private static final long MAX_P = 4;
    private static final long MAX_R = 16;

    // polkadot-js ALLOWED_PARAMS minus (8192,10,8) and (16384,5,8), which its p > 4 check refuses:
    // the set polkadot-js 14 effectively opens.
    private static final Set<String> ACCEPTED = Set.of(
            key(1 << 15, 3, 8), key(1 << 15, 1, 8), key(1 << 16, 2, 8), key(1 << 17, 1, 8));

    // Declared after the checks it runs through (static fields initialise in text order).
    /** What polkadot-js writes since 13.5.3: N = 2^17, p = 1, r = 8 (128 MiB, about 0.3 s). */
    public static final ScryptParams DEFAULT = new ScryptParams(1 << 17, 1, 8);

    /**
     * @throws SignerException {@code UNSUPPORTED_JSON} for any triple polkadot-js 14 would not decode
     */
    public ScryptParams {
        check(Integer.toUnsignedLong(n), Integer.toUnsignedLong(p), Integer.toUnsignedLong(r));
    }

    /**
     * The parameters if polkadot-js 14 accepts them.
     *
     * @throws SignerException {@code UNSUPPORTED_JSON} otherwise
     */
    public static ScryptParams check(int n, int p, int r) {
        return new ScryptParams(n, p, r);
    }

    /** As read from a file: unsigned 32-bit values, checked before any narrowing. */
    static ScryptParams fromUnsigned(long n, long p, long r) {
        check(n, p, r);
        return new ScryptParams((int) n, (int) p, (int) r);
    }

    private static void check(long n, long p, long r) {
        if (n > MAX_N || p > MAX_P || r > MAX_R) {
            throw new SignerException(SignerError.UNSUPPORTED_JSON,
                    "scrypt parameters exceed safe limits (N=" + n + ", p=" + p + ", r=" + r + ")");
        }
        if (!ACCEPTED.contains(key(n, p, r))) {
            throw new SignerException(SignerError.UNSUPPORTED_JSON,
                    "scrypt parameters N=" + n + ", p=" + p + ", r=" + r + " are not accepted");
        }
    }

    private static String key(long n, long p, long r) {
        return n + "/" + p + "/" + r;
    }
}
