package dev.hwbridge.protocol.account;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class Base58Properties {

    @Property
    void bytesRoundTripIncludingLeadingZeros(@ForAll @Size(max = 60) byte[] bytes,
                                             @ForAll @IntRange(max = 4) int leadingZeros) {
        byte[] data = new byte[leadingZeros + bytes.length];
        System.arraycopy(bytes, 0, data, leadingZeros, bytes.length);
        String text = Base58.encode(data);
        assertThat(text).doesNotContain("0", "O", "I", "l");
        assertThat(Base58.decode(text)).isEqualTo(data);
    }

    @Property
    void junkDecodesOrIsRefusedWithAFormatException(@ForAll String text) {
        try {
            byte[] bytes = Base58.decode(text);
            assertThat(Base58.encode(bytes)).isEqualTo(text);
        } catch (FormatException e) {
            assertThat(e.code()).isIn(FormatError.INVALID_ADDRESS, FormatError.INVALID_LENGTH);
        }
    }
}
