package dev.hwbridge.protocol.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Base58Test {

    // Bitcoin Core's base58_encode_decode.json.
    @ParameterizedTest
    @CsvSource({
        "0x, ''",
        "0x61, 2g",
        "0x626262, a3gV",
        "0x636363, aPEr",
        "0x73696d706c792061206c6f6e6720737472696e67, 2cFupjhnEsSn59qHXstmK2ffpLv2",
        "0x00eb15231dfceb60925886b67d065299925915aeb172c06647, 1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L",
        "0x516b6fcd0f, ABnLTmg",
        "0xbf4f89001e670274dd, 3SEo3LWLoPntC",
        "0x572e4794, 3EFU7m",
        "0xecac89cad93923c02321, EJDM8drfXA6uyA",
        "0x10c8511e, Rt5zm",
        "0x00000000000000000000, 1111111111",
    })
    void matchesBitcoinVectorsBothWays(String hex, String text) {
        assertThat(Base58.encode(Hex.fromHex(hex))).isEqualTo(text);
        assertThat(Base58.decode(text)).isEqualTo(Hex.fromHex(hex));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "O", "I", "l", "abc+", " 2g", "2g ", "ä", "\u0000"})
    void charactersOutsideTheAlphabetAreInvalidAddress(String text) {
        assertThatThrownBy(() -> Base58.decode(text))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.code()).isEqualTo(FormatError.INVALID_ADDRESS));
    }

    @Test
    void overlongTextIsRefusedBeforeDecoding() {
        assertThat(Base58.decode("2".repeat(Base58.MAX_TEXT_LENGTH))).isNotEmpty();
        assertThatThrownBy(() -> Base58.decode("2".repeat(Base58.MAX_TEXT_LENGTH + 1)))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.code()).isEqualTo(FormatError.INVALID_LENGTH));
    }

    @Test
    void nullIsInvalidAddress() {
        assertThatThrownBy(() -> Base58.decode(null))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.code()).isEqualTo(FormatError.INVALID_ADDRESS));
    }
}
