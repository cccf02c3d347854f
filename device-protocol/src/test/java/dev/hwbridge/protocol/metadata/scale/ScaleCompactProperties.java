package dev.hwbridge.protocol.metadata.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;

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
}
