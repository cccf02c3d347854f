package dev.hwbridge.protocol.metadata.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MortalityTest {

    @Test
    void eraBytesGiveTheirPeriodAndPhase() {
        assertThat(Mortality.describe(new byte[] {0})).isEqualTo("immortal");
        // polkadot-js: {period: 128, current: 28734887} encodes as 0x7602.
        assertThat(Mortality.describe(new byte[] {0x76, 0x02})).isEqualTo("mortal, period 128, phase 39");
        // The largest period, 65536, quantizes the phase by 16.
        assertThat(Mortality.describe(new byte[] {(byte) 0xff, (byte) 0xff})).isEqualTo("mortal, period 65536, phase 65520");
    }

    @Test
    void anEraTheChainRefusesIsSaidToBeInvalid() {
        // Period 2 is below the minimum of 4.
        assertThat(Mortality.describe(new byte[] {0x00, 0x01})).startsWith("invalid era");
    }
}
