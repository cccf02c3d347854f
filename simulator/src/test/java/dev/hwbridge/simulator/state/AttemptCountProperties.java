package dev.hwbridge.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class AttemptCountProperties {

    @Property
    void everyCountRoundTrips(@ForAll @IntRange(min = 0, max = AttemptCount.MAX_COUNT) int count) {
        assertThat(AttemptCount.decode(AttemptCount.encode(count))).isEqualTo(count);
    }

    @Property
    void junkIsCorrupt(@ForAll @Size(max = 20) byte[] junk) {
        try {
            int count = AttemptCount.decode(junk);
            assertThat(AttemptCount.encode(count)).isEqualTo(junk);
        } catch (StateException e) {
            assertThat(e.code()).isEqualTo(StateError.CORRUPT);
        }
    }

    @Property
    void anyFlippedBitIsCorrupt(@ForAll @IntRange(min = 0, max = 1000) int count,
            @ForAll @IntRange(min = 0, max = AttemptCount.FILE_BYTES * 8 - 1) int bit) {
        byte[] file = AttemptCount.encode(count);
        file[bit / 8] ^= (byte) (1 << (bit % 8));
        try {
            AttemptCount.decode(file);
            throw new AssertionError("a damaged counter decoded");
        } catch (StateException e) {
            assertThat(e.code()).isEqualTo(StateError.CORRUPT);
        }
    }
}
