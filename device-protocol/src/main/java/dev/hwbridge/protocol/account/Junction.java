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

    public Junction {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(chainCode, "chainCode");
        if (chainCode.length != CHAIN_CODE_LENGTH) {
            throw new IllegalArgumentException("a chain code has 32 bytes");
        }
        chainCode = chainCode.clone();
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
