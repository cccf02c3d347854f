package dev.hwbridge.protocol.metadata.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ScaleCompactProperties {

    @Property
    void everyU32CompactReadsBackAsWritten(@ForAll @LongRange(min = 0, max = 0xffffffffL) long value) {
        byte[] bytes = new ScaleWriter().compact(value).toByteArray();
        ScaleReader in = new ScaleReader(bytes);
        assertThat(in.compactU32("n")).isEqualTo(value);
        assertThat(in.atEnd()).isTrue();
    }

    @Property
    void everyU128CompactReadsBackAsWritten(
            @ForAll @BigRange(min = "0", max = "340282366920938463463374607431768211455") BigInteger value) {
        byte[] bytes = new ScaleWriter().compact(value).toByteArray();
        ScaleReader in = new ScaleReader(bytes);
        assertThat(in.compact(16, "n")).isEqualTo(value);
        assertThat(in.atEnd()).isTrue();
    }

    @Test
    void valuesFrom2To29Up2To30UseTheFourByteModeAsBigIntegersToo() {
        for (BigInteger value : new BigInteger[] {BigInteger.ONE.shiftLeft(29), BigInteger.ONE.shiftLeft(30).subtract(BigInteger.ONE)}) {
            byte[] bytes = new ScaleWriter().compact(value).toByteArray();
            assertThat(bytes).hasSize(4);
            assertThat(bytes[0] & 0x03).isEqualTo(2);
            assertThat(new ScaleReader(bytes).compact(16, "n")).isEqualTo(value);
        }
        assertThat(new ScaleWriter().compact(BigInteger.ONE.shiftLeft(30)).toByteArray()).hasSize(5);
    }
}
