package dev.hwbridge.daemon.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.protocol.account.Hex;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ScaleTest {

    private static String compact(String decimal) {
        return Hex.toHex(Scale.compact(new BigInteger(decimal)));
    }

    @Test
    void compactMatchesTheScaleSpecificationExamples() {
        // docs.substrate.io SCALE codec table: unsigned integer -> compact encoding
        assertThat(compact("0")).isEqualTo("0x00");
        assertThat(compact("1")).isEqualTo("0x04");
        assertThat(compact("42")).isEqualTo("0xa8");
        assertThat(compact("69")).isEqualTo("0x1501");
        assertThat(compact("65535")).isEqualTo("0xfeff0300");
        assertThat(compact("100000000000000")).isEqualTo("0x0b00407a10f35a");
    }

    @Test
    void compactModeChangesAtEachBoundary() {
        assertThat(compact("63")).isEqualTo("0xfc");
        assertThat(compact("64")).isEqualTo("0x0101");
        assertThat(compact("16383")).isEqualTo("0xfdff");
        assertThat(compact("16384")).isEqualTo("0x02000100");
        assertThat(compact("1073741823")).isEqualTo("0xfeffffff");
        // Big-integer mode: length byte (n-4)<<2|3, then n little-endian bytes, n >= 4.
        assertThat(compact("1073741824")).isEqualTo("0x0300000040");
        assertThat(compact("4294967295")).isEqualTo("0x03ffffffff");
        assertThat(compact("4294967296")).isEqualTo("0x070000000001");
        assertThat(compact("1000000000000")).isEqualTo("0x070010a5d4e8");
        assertThat(Hex.toHex(Scale.compact(Scale.U128_LIMIT.subtract(BigInteger.ONE))))
                .isEqualTo("0x33" + "ff".repeat(16));
        assertThat(Hex.toHex(Scale.compact(5L))).isEqualTo("0x14");
    }

    @Test
    void compactOutsideU128IsRefused() {
        assertThatThrownBy(() -> Scale.compact(Scale.U128_LIMIT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scale.compact(BigInteger.valueOf(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void u32IsFourBytesLittleEndian() {
        assertThat(Hex.toHex(Scale.u32(1002000))).isEqualTo("0x104a0f00");
        assertThat(Hex.toHex(Scale.u32(0xffff_ffffL))).isEqualTo("0xffffffff");
        assertThatThrownBy(() -> Scale.u32(1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scale.u32(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
