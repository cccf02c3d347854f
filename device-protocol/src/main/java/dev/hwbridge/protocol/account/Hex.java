package dev.hwbridge.protocol.account;

/** {@code 0x}-prefixed hex text, with the polkadot-js rules for what counts as hex. */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** Lower-case {@code 0x…} text of {@code bytes}; {@code "0x"} for an empty array. */
    public static String toHex(byte[] bytes) {
        char[] out = new char[2 + bytes.length * 2];
        out[0] = '0';
        out[1] = 'x';
        for (int i = 0; i < bytes.length; i++) {
            out[2 + 2 * i] = DIGITS[(bytes[i] >> 4) & 0x0f];
            out[3 + 2 * i] = DIGITS[bytes[i] & 0x0f];
        }
        return new String(out);
    }

    /**
     * Decodes {@code 0x}-prefixed hex (either case of digit; the {@code x} must be lower-case, as in
     * polkadot-js). {@code "0x"} gives an empty array.
     *
     * @throws FormatException INVALID_HEX for anything {@link #isHex} rejects
     */
    public static byte[] fromHex(String text) {
        if (!isHex(text)) {
            throw new FormatException(FormatError.INVALID_HEX,
                    "expected 0x followed by an even number of hex digits");
        }
        byte[] out = new byte[(text.length() - 2) / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((digit(text.charAt(2 + 2 * i)) << 4) | digit(text.charAt(3 + 2 * i)));
        }
        return out;
    }

    /** polkadot-js {@code isHex(value)}: {@code ^0x[0-9a-fA-F]*$} with an even total length. */
    public static boolean isHex(String text) {
        if (text == null || text.length() < 2 || text.length() % 2 != 0
                || text.charAt(0) != '0' || text.charAt(1) != 'x') {
            return false;
        }
        for (int i = 2; i < text.length(); i++) {
            if (digit(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
