package dev.hwbridge.protocol.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HexTest {

    @Test
    void encodesLowerCaseWithPrefix() {
        assertThat(Hex.toHex(new byte[] {0x00, 0x1f, (byte) 0xab, (byte) 0xff})).isEqualTo("0x001fabff");
        assertThat(Hex.toHex(new byte[0])).isEqualTo("0x");
    }

    @Test
    void decodesEitherCaseOfDigit() {
        assertThat(Hex.fromHex("0x001FabFF")).containsExactly(0x00, 0x1f, 0xab, 0xff);
        assertThat(Hex.fromHex("0x")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x", "0x00", "0xAbCdEf", "0x0123456789abcdefABCDEF"})
    void acceptsWhatPolkadotJsIsHexAccepts(String text) {
        assertThat(Hex.isHex(text)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0", "00", "0x0", "0x123", "0X00", "x00", "1234", "0x0g", "0x 0", " 0x00",
        "0x00\n", "0x٠٠"})
    void refusesEverythingElseWithInvalidHex(String text) {
        assertThat(Hex.isHex(text)).isFalse();
        assertThatThrownBy(() -> Hex.fromHex(text))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.code()).isEqualTo(FormatError.INVALID_HEX));
    }
}
