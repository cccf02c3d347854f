package dev.hwbridge.daemon.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.SelectStrategy;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpinAfterHandOffTest {

    private static final int READY_KEYS = 3;

    private final AtomicLong now = new AtomicLong(1_000_000);
    /** The strategy and the hand-offs share a thread, as on an I/O thread: run both on this one. */
    private final ExecutorService ioThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        ioThread.shutdownNow();
    }

    @Test
    void blocksWhenNothingWasHandedOff() throws Exception {
        assertThat(onIoThread(() -> strategy().calculateStrategy(() -> READY_KEYS, false))).isEqualTo(SelectStrategy.SELECT);
    }

    @Test
    void pollsWhileThereAreTasksAsNettyDoes() throws Exception {
        assertThat(onIoThread(() -> strategy().calculateStrategy(() -> READY_KEYS, true))).isEqualTo(READY_KEYS);
    }

    @Test
    void pollsForTheSpinAfterAHandOffThenBlocksAgain() throws Exception {
        SpinAfterHandOff strategy = strategy();
        long spin = SpinAfterHandOff.SPIN.toNanos();

        int justAfter = onIoThread(() -> {
            SpinAfterHandOff.handedOff(now.get());
            now.addAndGet(spin - 1);
            return strategy.calculateStrategy(() -> READY_KEYS, false);
        });
        now.addAndGet(1);
        int atTheEnd = onIoThread(() -> strategy.calculateStrategy(() -> READY_KEYS, false));

        assertThat(justAfter).isEqualTo(READY_KEYS);
        assertThat(atTheEnd).isEqualTo(SelectStrategy.SELECT);
    }

    @Test
    void aHandOffOnAnotherThreadDoesNotKeepThisOneAwake() throws Exception {
        SpinAfterHandOff strategy = strategy();

        SpinAfterHandOff.handedOff(now.get());

        assertThat(onIoThread(() -> strategy.calculateStrategy(() -> READY_KEYS, false))).isEqualTo(SelectStrategy.SELECT);
    }

    private SpinAfterHandOff strategy() {
        return new SpinAfterHandOff(now::get);
    }

    private <T> T onIoThread(Callable<T> work) throws Exception {
        return ioThread.submit(work).get(5, TimeUnit.SECONDS);
    }
}
