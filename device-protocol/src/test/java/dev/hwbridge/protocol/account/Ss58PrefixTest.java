package dev.hwbridge.protocol.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Ss58PrefixTest {

    @Test
    void namedNetworksHaveTheirNumbers() {
        assertThat(Ss58Prefix.POLKADOT.value()).isZero();
        assertThat(Ss58Prefix.KUSAMA.value()).isEqualTo(2);
        assertThat(Ss58Prefix.SUBSTRATE.value()).isEqualTo(42);
    }

    @ParameterizedTest
    @CsvSource({"polkadot, 0", "kusama, 2", "substrate, 42", "Polkadot, 0", "KUSAMA, 2", "0, 0", "42, 42",
        "63, 63", "64, 64", "1284, 1284", "16383, 16383", "007, 7"})
    void parsesNamesAndDecimals(String text, int value) {
        assertThat(Ss58Prefix.parse(text)).isEqualTo(Ss58Prefix.of(value));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"46", "47", "16384", "99999999999999", "-1", "+2", " 0", "0 ", "westend", "0x2a",
        "4 2", "polkadot ", "١٢"})
    void refusesOtherTextWithInvalidPrefix(String text) {
        assertThatThrownBy(() -> Ss58Prefix.parse(text))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.code()).isEqualTo(FormatError.INVALID_PREFIX));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 46, 47, 16384, 29972, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void refusesValuesPolkadotJsEncodeAddressRefuses(int value) {
        assertThatThrownBy(() -> Ss58Prefix.of(value))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.code()).isEqualTo(FormatError.INVALID_PREFIX));
    }

    @Test
    void prefixesFrom64UseTheTwoByteForm() {
        assertThat(Ss58Prefix.of(63).isTwoByte()).isFalse();
        assertThat(Ss58Prefix.of(64).isTwoByte()).isTrue();
    }
}
