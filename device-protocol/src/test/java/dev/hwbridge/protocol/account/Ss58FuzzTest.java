package dev.hwbridge.protocol.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Decodes arbitrary text as an SS58 address (and as a network prefix), as the daemon does with
 * every address a web page sends it.
 */
class Ss58FuzzTest {

    @FuzzTest
    void anyTextDecodesToAnAddressThatRoundTripsOrIsAFormatError(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            Ss58Address address = Ss58.decode(text);
            String canonical = address.encode();
            assertThat(Ss58.decode(canonical)).isEqualTo(address);
            // Only the two-byte spelling of a prefix below 64 has a shorter canonical form.
            boolean twoByteSpelling = (Base58.decode(text)[0] & 0x40) != 0;
            if (!twoByteSpelling || address.prefix().isTwoByte()) {
                assertThat(canonical).isEqualTo(text);
            }
        } catch (FormatException refused) {
            assertThat(refused.code()).isIn(FormatError.INVALID_ADDRESS, FormatError.INVALID_LENGTH,
                    FormatError.BAD_CHECKSUM, FormatError.INVALID_PREFIX);
        }
        try {
            Ss58Prefix prefix = Ss58Prefix.parse(text);
            assertThat(prefix.value()).isBetween(0, Ss58Prefix.MAX_VALUE);
        } catch (FormatException refused) {
            assertThat(refused.code()).isEqualTo(FormatError.INVALID_PREFIX);
        }
    }
}
