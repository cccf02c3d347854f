package dev.hwbridge.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class PayloadSummaryProperties {

    @Property
    void anyPayloadGivesThreeLinesAndNeverAnException(@ForAll @Size(max = 400) byte[] payload) {
        assertThat(PayloadSummary.lines(payload)).hasSize(3).allMatch(line -> !line.isBlank());
    }

    @Property
    void aDecodedTailAlwaysComesFromTheLastBytes(@ForAll @Size(min = 80, max = 200) byte[] payload) {
        for (PayloadSummary.Tail tail : PayloadSummary.tails(payload)) {
            assertThat(tail.txVersion()).isBetween(0L, 0xFFFFL);
            assertThat(tail.extraEnd()).isBetween(5, payload.length - 72);
        }
    }
}
