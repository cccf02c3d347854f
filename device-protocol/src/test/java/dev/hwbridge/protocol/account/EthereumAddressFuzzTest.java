package dev.hwbridge.protocol.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** Parses arbitrary text as an Ethereum address, as the daemon does with every 0x address a page sends it. */
class EthereumAddressFuzzTest {

    @FuzzTest
    void anyTextIsAnAddressThatRoundTripsOrIsAFormatError(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            byte[] address = EthereumAddress.parse(text);
            String canonical = EthereumAddress.encode(address);
            assertThat(canonical).isEqualToIgnoringCase(text);
            assertThat(EthereumAddress.parse(canonical)).isEqualTo(address);
        } catch (FormatException refused) {
            assertThat(refused.code()).isIn(FormatError.INVALID_ADDRESS, FormatError.BAD_CHECKSUM);
        }
    }
}
