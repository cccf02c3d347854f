package dev.hwbridge.protocol.account;

import java.util.Arrays;
import java.util.Objects;

/**
 * One step of a derivation path: {@code //text} (hard) or {@code /text} (soft), and the 32-byte
 * chain code polkadot-js computes for it.
 *
 * @param hard      true for {@code //}
 * @param text      the junction as written (public; never a {@code ///password})
 * @param chainCode 32 bytes
 */
public record Junction(boolean hard, String text, byte[] chainCode) {

    public static final int CHAIN_CODE_LENGTH = 32;
    /** Longest junction text {@link #parse} accepts, the same bound as a whole path. */
    public static final int MAX_TEXT_LENGTH = DerivationPath.MAX_LENGTH;

    public Junction {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(chainCode, "chainCode");
        if (chainCode.length != CHAIN_CODE_LENGTH) {
            throw new IllegalArgumentException("a chain code has 32 bytes");
        }
        chainCode = chainCode.clone();
    }

    /**
     * The junction polkadot-js {@code DeriveJunction.from} builds for {@code text} (written without
     * its slashes). Chain code: all ASCII digits give the number as 256-bit little-endian; a
     * polkadot-js hex string ({@code 0x}, even length) gives its raw bytes; any other text gives the
     * SCALE compact length followed by its UTF-8; more than 32 bytes are replaced by their
     * blake2b-256, fewer are zero-padded.
     *
     * @throws FormatException INVALID_PATH for empty text, text containing {@code '/'}, text longer
     *                         than {@link #MAX_TEXT_LENGTH}, or a number of 2^256 or more
     */
    public static Junction parse(String text, boolean hard) {
        if (text == null || text.isEmpty()) {
            throw new FormatException(FormatError.INVALID_PATH, "a junction cannot be empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new FormatException(FormatError.INVALID_PATH,
                    "a junction has at most " + MAX_TEXT_LENGTH + " characters");
        }
        if (text.indexOf('/') >= 0) {
            throw new FormatException(FormatError.INVALID_PATH, "a junction cannot contain '/'");
        }
        return new Junction(hard, text, ChainCodes.of(text));
    }

    @Override
    public byte[] chainCode() {
        return chainCode.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Junction other && hard == other.hard && text.equals(other.text)
                && Arrays.equals(chainCode, other.chainCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hard, text, Arrays.hashCode(chainCode));
    }

    /** The junction as it is written in a path: {@code //text} or {@code /text}. */
    @Override
    public String toString() {
        return (hard ? "//" : "/") + text;
    }
}
