package dev.hwbridge.protocol.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;

class HexProperties {

    @Property
    void bytesRoundTrip(@ForAll @Size(max = 80) byte[] bytes) {
        String text = Hex.toHex(bytes);
        assertThat(Hex.isHex(text)).isTrue();
        assertThat(Hex.fromHex(text)).isEqualTo(bytes);
        assertThat(Hex.fromHex(text.toUpperCase(Locale.ROOT).replace("0X", "0x"))).isEqualTo(bytes);
    }

    @Property
    void junkIsRefusedWithInvalidHexExactlyWhenIsHexSaysSo(@ForAll String text) {
        assertDecodesOrRefuses(text);
    }

    @Property
    void nearHexJunkIsRefusedWithInvalidHexExactlyWhenIsHexSaysSo(
            @ForAll @StringLength(max = 12) @Chars({'0', 'x', 'X', 'a', 'F', 'g', '9', ' '}) String text) {
        assertDecodesOrRefuses(text);
    }

    private static void assertDecodesOrRefuses(String text) {
        try {
            byte[] bytes = Hex.fromHex(text);
            assertThat(Hex.isHex(text)).isTrue();
            assertThat(Hex.toHex(bytes)).isEqualTo(text.toLowerCase(Locale.ROOT));
        } catch (FormatException e) {
            assertThat(e.code()).isEqualTo(FormatError.INVALID_HEX);
            assertThat(Hex.isHex(text)).isFalse();
        }
    }
}
