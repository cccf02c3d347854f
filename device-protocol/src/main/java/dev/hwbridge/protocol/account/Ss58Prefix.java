package dev.hwbridge.protocol.account;

import java.util.Locale;

/**
 * An SS58 network prefix: 0..16383 except the reserved 46 and 47, the range polkadot-js
 * {@code encodeAddress} accepts.
 *
 * @param value the prefix number
 */
public record Ss58Prefix(int value) {

    public static final int MAX_VALUE = 16383;

    public static final Ss58Prefix POLKADOT = new Ss58Prefix(0);
    public static final Ss58Prefix KUSAMA = new Ss58Prefix(2);
    /** The generic Substrate prefix, polkadot-js's default. */
    public static final Ss58Prefix SUBSTRATE = new Ss58Prefix(42);

    /** Longest text {@link #parse} looks at: a network name or a decimal with a few leading zeros. */
    private static final int MAX_TEXT_LENGTH = 16;

    /** @throws FormatException INVALID_PREFIX outside 0..16383 or for 46/47 */
    public Ss58Prefix {
        if (value < 0 || value > MAX_VALUE || value == 46 || value == 47) {
            throw new FormatException(FormatError.INVALID_PREFIX,
                    "an SS58 prefix is 0..16383 and not 46 or 47, got " + value);
        }
    }

    /** @throws FormatException INVALID_PREFIX outside 0..16383 or for 46/47 */
    public static Ss58Prefix of(int value) {
        return new Ss58Prefix(value);
    }

    /**
     * Parses {@code "polkadot"} (0), {@code "kusama"} (2), {@code "substrate"} (42), case-insensitively,
     * or a decimal number in the allowed range.
     *
     * @throws FormatException INVALID_PREFIX for anything else
     */
    public static Ss58Prefix parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            throw unknown();
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "polkadot" -> POLKADOT;
            case "kusama" -> KUSAMA;
            case "substrate" -> SUBSTRATE;
            default -> of(parseDecimal(text));
        };
    }

    /** Whether this prefix needs the two-byte SS58 form. */
    public boolean isTwoByte() {
        return value >= 64;
    }

    private static int parseDecimal(String text) {
        int result = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw unknown();
            }
            // MAX_TEXT_LENGTH digits could overflow an int; saturate, the range check refuses it.
            result = Math.min(result * 10 + (c - '0'), MAX_VALUE + 1);
        }
        return result;
    }

    private static FormatException unknown() {
        return new FormatException(FormatError.INVALID_PREFIX,
                "expected polkadot, kusama, substrate or a number 0..16383");
    }
}
