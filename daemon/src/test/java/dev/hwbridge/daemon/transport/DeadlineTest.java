package dev.hwbridge.daemon.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private static final Duration SLICE = Duration.ofMillis(100);

    @Test
    void aZeroNegativeOrMissingTimeoutHasPassedAtOnce() {
        assertThat(Deadline.after(Duration.ZERO).passed()).isTrue();
        assertThat(Deadline.after(Duration.ofSeconds(-1)).passed()).isTrue();
        assertThat(Deadline.after(null).passed()).isTrue();
    }

    @Test
    void aPassedDeadlineGivesTheShortestSlice() {
        Deadline deadline = Deadline.after(Duration.ZERO);

        assertThat(deadline.sliceMillis(SLICE, 0)).isZero();
        assertThat(deadline.sliceMillis(SLICE, 1)).isEqualTo(1);
    }

    @Test
    void slicesAreCutToTheSliceLength() {
        Deadline deadline = Deadline.after(Duration.ofSeconds(30));

        assertThat(deadline.passed()).isFalse();
        assertThat(deadline.sliceMillis(SLICE, 1)).isEqualTo(100);
    }

    @Test
    void theLastSliceIsWhatRemains() {
        long slice = Deadline.after(Duration.ofMillis(40)).sliceMillis(SLICE, 1);

        assertThat(slice).isBetween(1L, 40L);
    }

    @Test
    void aTimeoutTooLongToCountNeverPasses() {
        Deadline deadline = Deadline.after(Duration.ofSeconds(Long.MAX_VALUE));

        assertThat(deadline.passed()).isFalse();
        assertThat(deadline.sliceMillis(SLICE, 1)).isEqualTo(100);
    }

    @Test
    void aDeadlinePassesOnceItsTimeHasCome() throws InterruptedException {
        Deadline deadline = Deadline.after(Duration.ofMillis(20));

        Thread.sleep(30);

        assertThat(deadline.passed()).isTrue();
    }
}
