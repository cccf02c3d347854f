package dev.hwbridge.daemon.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.daemon.server.MessageMeter.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MessageMeterTest {

    private static final int MIB = 1 << 20;

    private final MessageMeter meter = new MessageMeter(new ServerCaps(64, 256, Duration.ofSeconds(10), MIB, 4 * MIB,
            6 * MIB, 2 * MIB));

    @Test
    void ordinaryMessagesNeedNoSlot() {
        MessageMeter.Reading a = meter.newReading();
        MessageMeter.Reading b = meter.newReading();

        assertThat(a.frame(true, MIB)).isEqualTo(Verdict.GO);
        assertThat(b.frame(true, MIB)).isEqualTo(Verdict.GO);
        assertThat(meter.largeInProgress()).isFalse();
        assertThat(meter.receivingBytes()).isEqualTo(2L * MIB);
    }

    @Test
    void oneLargeMessageAtATime() {
        MessageMeter.Reading a = meter.newReading();
        MessageMeter.Reading b = meter.newReading();

        assertThat(a.frame(true, MIB)).isEqualTo(Verdict.GO);
        assertThat(a.frame(false, 1)).as("crossing 1 MiB takes the slot").isEqualTo(Verdict.GO);
        assertThat(b.frame(true, MIB + 1)).isEqualTo(Verdict.LARGE_BUSY);
        a.messageEnded();
        assertThat(b.frame(true, MIB + 1)).isEqualTo(Verdict.GO);
    }

    @Test
    void overTheLargeSizeIsTooBigWhateverTheSlot() {
        MessageMeter.Reading a = meter.newReading();

        assertThat(a.frame(true, 4 * MIB)).isEqualTo(Verdict.GO);
        assertThat(a.frame(false, 1)).isEqualTo(Verdict.TOO_BIG);
        assertThat(meter.newReading().frame(true, Long.MAX_VALUE)).isEqualTo(Verdict.TOO_BIG);
    }

    @Test
    void budgetCountsEveryConnection() {
        for (int i = 0; i < 6; i++) {
            assertThat(meter.newReading().frame(true, MIB)).isEqualTo(Verdict.GO);
        }

        assertThat(meter.newReading().frame(true, 1)).isEqualTo(Verdict.BUDGET_SPENT);
    }

    @Test
    void closeGivesEverythingBackOnce() {
        MessageMeter.Reading a = meter.newReading();
        a.frame(true, 3 * MIB);

        a.close();
        a.close();

        assertThat(meter.receivingBytes()).isZero();
        assertThat(meter.largeInProgress()).isFalse();
    }

    @Test
    void aNewMessageEndsTheAccountOfTheLast() {
        MessageMeter.Reading a = meter.newReading();
        a.frame(true, 2 * MIB);

        assertThat(a.frame(true, 100)).isEqualTo(Verdict.GO);

        assertThat(meter.receivingBytes()).isEqualTo(100);
        assertThat(meter.largeInProgress()).isFalse();
    }
}
