package dev.hwbridge.protocol.account;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The chain code polkadot-js {@code DeriveJunction.from} computes for a junction's text. Note where
 * it differs from Rust substrate: numbers of 2^64 and above stay numbers (256-bit little-endian),
 * and {@code 0x}-hex text becomes its raw bytes; Rust would SCALE-encode both as strings.
 */
final class ChainCodes {

    static final int LENGTH = Junction.CHAIN_CODE_LENGTH;

    private ChainCodes() {
    }

    /**
     * All ASCII digits: the number, 256-bit little-endian. polkadot-js hex ({@link Hex#isHex}): the
     * raw bytes. Anything else: SCALE compact length ‖ UTF-8. A result longer than 32 bytes is
     * replaced by its blake2b-256; a shorter one is zero-padded.
     *
     * @throws FormatException INVALID_PATH for a number of 2^256 or more (polkadot-js throws too:
     *                         bn.js refuses to fit it in 32 bytes)
     */
    static byte[] of(String text) {
        byte[] encoded;
        if (isDigits(text)) {
            encoded = littleEndian256(text);
        } else if (Hex.isHex(text)) {
            encoded = Hex.fromHex(text);
        } else {
            byte[] utf8 = utf8(text);
            byte[] length = compactLength(utf8.length);
            encoded = new byte[length.length + utf8.length];
            System.arraycopy(length, 0, encoded, 0, length.length);
            System.arraycopy(utf8, 0, encoded, length.length, utf8.length);
        }
        if (encoded.length > LENGTH) {
            return Blake2b.hash256(encoded);
        }
        byte[] chainCode = new byte[LENGTH];
        System.arraycopy(encoded, 0, chainCode, 0, encoded.length);
        return chainCode;
    }

    /**
     * SCALE compact encoding of a length: single-byte mode below 2^6, two-byte below 2^14,
     * four-byte below 2^30, little-endian with the mode in the low two bits.
     */
    static byte[] compactLength(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length");
        }
        if (length < 1 << 6) {
            return new byte[] {(byte) (length << 2)};
        }
        if (length < 1 << 14) {
            int v = (length << 2) | 0b01;
            return new byte[] {(byte) v, (byte) (v >> 8)};
        }
        if (length < 1 << 30) {
            int v = (length << 2) | 0b10;
            return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
        }
        // Big-integer mode: the upper six bits count the value bytes beyond four (here none).
        return new byte[] {0b11, (byte) length, (byte) (length >> 8), (byte) (length >> 16),
            (byte) (length >> 24)};
    }

    /**
     * UTF-8 as the WHATWG TextEncoder behind polkadot-js {@code stringToU8a} writes it: a lone
     * surrogate becomes U+FFFD, where Java's encoder would write {@code '?'}.
     */
    static byte[] utf8(String text) {
        StringBuilder wellFormed = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (wellFormed != null) {
                    wellFormed.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (wellFormed == null) {
                    wellFormed = new StringBuilder(text.length()).append(text, 0, i);
                }
                wellFormed.append('\uFFFD');
            } else if (wellFormed != null) {
                wellFormed.append(c);
            }
        }
        return (wellFormed == null ? text : wellFormed.toString()).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // JavaScript's \d is ASCII only; Character.isDigit would also take other scripts' digits.
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static byte[] littleEndian256(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        // 2^256 has 78 decimal digits; refuse longer text before BigInteger parses it.
        BigInteger value = digits.length() - start > 78 ? null : new BigInteger(digits.substring(start));
        if (value == null || value.bitLength() > LENGTH * 8) {
            throw new FormatException(FormatError.INVALID_PATH,
                    "a numeric junction must be below 2^256");
        }
        byte[] bigEndian = value.toByteArray();
        byte[] out = new byte[LENGTH];
        // toByteArray may add a leading sign byte (always 0 here); copy only the value bytes.
        for (int i = 0; i < LENGTH && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }
}
