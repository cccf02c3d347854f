package dev.hwbridge.protocol.account;

import java.util.Arrays;

/** Base58 with the Bitcoin alphabet, as SS58 uses it; no checksum of its own. */
public final class Base58 {

    /** Longest text {@link #decode} accepts; decoding is quadratic, so unbounded input is refused. */
    public static final int MAX_TEXT_LENGTH = 256;

    private static final char[] ALPHABET =
            "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    private Base58() {
    }

    /** Each leading zero byte becomes a {@code '1'}; the rest is the big-endian number in base 58. */
    public static String encode(byte[] data) {
        int zeros = 0;
        while (zeros < data.length && data[zeros] == 0) {
            zeros++;
        }
        // log(256)/log(58) < 1.37, so this many base-58 digits always suffice.
        byte[] digits = new byte[(data.length - zeros) * 137 / 100 + 1];
        int used = 0;
        for (int i = zeros; i < data.length; i++) {
            int carry = data[i] & 0xff;
            for (int j = 0; j < used; j++) {
                carry += (digits[j] & 0xff) << 8;
                digits[j] = (byte) (carry % 58);
                carry /= 58;
            }
            while (carry > 0) {
                digits[used++] = (byte) (carry % 58);
                carry /= 58;
            }
        }
        StringBuilder out = new StringBuilder(zeros + used);
        for (int i = 0; i < zeros; i++) {
            out.append(ALPHABET[0]);
        }
        for (int i = used - 1; i >= 0; i--) {
            out.append(ALPHABET[digits[i]]);
        }
        return out.toString();
    }

    /**
     * Inverse of {@link #encode}.
     *
     * @throws FormatException INVALID_LENGTH above {@link #MAX_TEXT_LENGTH} characters,
     *                         INVALID_ADDRESS for a null text or a character outside the alphabet
     */
    public static byte[] decode(String text) {
        if (text == null) {
            throw new FormatException(FormatError.INVALID_ADDRESS, "no base58 text given");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new FormatException(FormatError.INVALID_LENGTH,
                    "base58 text is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == ALPHABET[0]) {
            zeros++;
        }
        // log(58)/log(256) < 0.74, so this many bytes always suffice.
        byte[] bytes = new byte[(text.length() - zeros) * 74 / 100 + 1];
        int used = 0;
        for (int i = zeros; i < text.length(); i++) {
            char c = text.charAt(i);
            int carry = c < INDEXES.length ? INDEXES[c] : -1;
            if (carry < 0) {
                throw new FormatException(FormatError.INVALID_ADDRESS,
                        "character " + (i + 1) + " is not in the base58 alphabet");
            }
            for (int j = 0; j < used; j++) {
                carry += (bytes[j] & 0xff) * 58;
                bytes[j] = (byte) carry;
                carry >>>= 8;
            }
            while (carry > 0) {
                bytes[used++] = (byte) carry;
                carry >>>= 8;
            }
        }
        byte[] out = new byte[zeros + used];
        for (int i = 0; i < used; i++) {
            out[out.length - 1 - i] = bytes[i];
        }
        return out;
    }
}
