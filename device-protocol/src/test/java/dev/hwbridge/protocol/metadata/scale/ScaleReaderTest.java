package dev.hwbridge.protocol.metadata.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.Refusals;
import dev.hwbridge.protocol.metadata.MetadataException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ScaleReaderTest {

    private static ScaleReader reader(String hex) {
        return new ScaleReader(Hex.fromHex(hex));
    }

    private static MetadataError error(Runnable read) {
        return Refusals.codeOf(read);
    }

    @Test
    void compactsReadInEachMode() {
        assertThat(reader("0x00").compactU32("n")).isZero();
        assertThat(reader("0xfc").compactU32("n")).isEqualTo(63);
        assertThat(reader("0x0101").compactU32("n")).isEqualTo(64);
        assertThat(reader("0xfdff").compactU32("n")).isEqualTo(16383);
        assertThat(reader("0x02000100").compactU32("n")).isEqualTo(16384);
        assertThat(reader("0x03ffffffff").compactU32("n")).isEqualTo(0xffffffffL);
        // u128::MAX: 0x33 = (16 - 4) << 2 | 3, then sixteen 0xff.
        assertThat(reader("0x33" + "ff".repeat(16)).compact(16, "n"))
                .isEqualTo(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
    }

    @Test
    void nonCanonicalCompactsAreMalformed() {
        // 1 in the two-byte form, 63 in the four-byte form, 2^30 - 1 in the big form.
        assertThat(error(() -> reader("0x0500").compactU32("n"))).isEqualTo(MetadataError.MALFORMED);
        assertThat(error(() -> reader("0xfe000000").compactU32("n"))).isEqualTo(MetadataError.MALFORMED);
        assertThat(error(() -> reader("0x03ffffff3f").compactU32("n"))).isEqualTo(MetadataError.MALFORMED);
        // A big form with a zero top byte.
        assertThat(error(() -> reader("0x070000004000").compact(8, "n"))).isEqualTo(MetadataError.MALFORMED);
    }

    @Test
    void aCompactTooWideForItsTypeIsMalformed() {
        assertThat(error(() -> reader("0x0104").compact(1, "n"))).isEqualTo(MetadataError.MALFORMED);
        assertThat(error(() -> reader("0x070000000001").compactU32("n"))).isEqualTo(MetadataError.MALFORMED);
        assertThat(reader("0xfd03").compact(1, "n")).isEqualTo(BigInteger.valueOf(255));
    }

    @Test
    void aCountLargerThanTheBytesLeftIsRefusedBeforeAllocating() {
        // 1000 elements of at least one byte each, in a 3-byte input.
        assertThat(error(() -> reader("0xa10f00").count("things", 1 << 20, 1))).isEqualTo(MetadataError.TRUNCATED);
        assertThat(error(() -> reader("0xa10f").count("things", 999, 0))).isEqualTo(MetadataError.LIMIT_EXCEEDED);
        assertThat(reader("0x0c010203").count("things", 10, 1)).isEqualTo(3);
    }

    @Test
    void stringsAreStrictUtf8WithinTheirBound() {
        assertThat(reader("0x0c444f54").string("s", 10)).isEqualTo("DOT");
        assertThat(reader("0x08c3a9").string("s", 10)).isEqualTo("é");
        assertThat(error(() -> reader("0x04ff").string("s", 10))).isEqualTo(MetadataError.MALFORMED);
        // An overlong encoding of "/".
        assertThat(error(() -> reader("0x08c0af").string("s", 10))).isEqualTo(MetadataError.MALFORMED);
        assertThat(error(() -> reader("0x0c444f54").string("s", 2))).isEqualTo(MetadataError.LIMIT_EXCEEDED);
    }

    @Test
    void integersAreLittleEndian() {
        ScaleReader in = reader("0x01020304" + "ff" + "feff");
        assertThat(in.u32("n")).isEqualTo(0x04030201L);
        assertThat(in.signed(1, "i8")).isEqualTo(BigInteger.valueOf(-1));
        assertThat(in.unsigned(2, "u16")).isEqualTo(BigInteger.valueOf(0xfffe));
        assertThat(in.atEnd()).isTrue();
    }

    @Test
    void boolsAreZeroOrOne() {
        assertThat(reader("0x01").bool("b")).isTrue();
        assertThat(error(() -> reader("0x02").bool("b"))).isEqualTo(MetadataError.MALFORMED);
    }

    @Test
    void readingPastTheEndIsTruncated() {
        assertThat(error(() -> reader("0x0102").u32("n"))).isEqualTo(MetadataError.TRUNCATED);
        assertThat(error(() -> reader("0x").u8("n"))).isEqualTo(MetadataError.TRUNCATED);
        assertThat(error(() -> reader("0x01").skip(2, "n"))).isEqualTo(MetadataError.TRUNCATED);
    }

    @Test
    void leftoverBytesAreRefusedByExpectEnd() {
        ScaleReader in = reader("0x0102");
        in.u8("n");
        assertThatThrownBy(() -> in.expectEnd("the value"))
                .isInstanceOfSatisfying(MetadataException.class,
                        e -> assertThat(e.code()).isEqualTo(MetadataError.TRAILING_BYTES));
    }

    @Test
    void skippedStringsMoveOverTheirLengthPrefix() {
        ScaleReader in = reader("0x0c414243" + "07");
        in.skipString("s", 10);
        assertThat(in.u8("next")).isEqualTo(7);
    }
}
