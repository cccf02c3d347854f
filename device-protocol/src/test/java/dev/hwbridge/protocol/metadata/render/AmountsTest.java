package dev.hwbridge.protocol.metadata.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class AmountsTest {

    private static String ksm(String planck) {
        return Amounts.inUnits(new BigInteger(planck), 12, "KSM");
    }

    @Test
    void wholeUnitsAreExactWithoutTrailingZeros() {
        assertThat(ksm("12345000000000")).isEqualTo("12.345 KSM");
        assertThat(ksm("500000000000")).isEqualTo("0.5 KSM");
        assertThat(ksm("1000000000000")).isEqualTo("1 KSM");
        assertThat(ksm("0")).isEqualTo("0 KSM");
        assertThat(ksm("1")).isEqualTo("0.000000000001 KSM");
    }

    @Test
    void nothingIsRoundedAway() {
        assertThat(ksm("340282366920938463463374607431768211455"))
                .isEqualTo("340282366920938463463374607.431768211455 KSM");
    }

    @Test
    void noDecimalsMeansIntegers() {
        assertThat(Amounts.inUnits(BigInteger.valueOf(42), 0, "X")).isEqualTo("42 X");
    }
}
