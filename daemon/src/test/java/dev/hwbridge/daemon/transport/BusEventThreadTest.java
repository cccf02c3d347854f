package dev.hwbridge.daemon.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BusEventThreadTest {

    private final BusEventThread events = new BusEventThread("hid", LoggerFactory.getLogger(BusEventThreadTest.class));

    @AfterEach
    void stop() {
        events.shutdownNow();
    }

    @Test
    void tasksRunInOrderOnOneNamedDaemonThread() throws InterruptedException {
        List<String> ran = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        for (String name : List.of("first", "second", "third")) {
            events.submit(() -> {
                ran.add(name);
                threads.add(Thread.currentThread());
                done.countDown();
            });
        }

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("first", "second", "third");
        assertThat(threads).allSatisfy(thread -> {
            assertThat(thread.getName()).isEqualTo("hwbridge-hid-events");
            assertThat(thread.isDaemon()).isTrue();
        });
    }

    @Test
    void aRepeatedTaskRunsAgainUntilShutDown() throws InterruptedException {
        CountDownLatch runs = new CountDownLatch(3);

        events.repeat(runs::countDown, Duration.ofMillis(5));

        assertThat(runs.await(5, TimeUnit.SECONDS)).isTrue();
        events.shutdownNow();
        assertThat(events.awaitTermination(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void tasksHandedInAfterShutdownAreDroppedQuietly() throws InterruptedException {
        events.shutdownNow();
        CountDownLatch ran = new CountDownLatch(1);

        events.submit(ran::countDown);
        events.schedule(ran::countDown, Duration.ZERO);
        events.repeat(ran::countDown, Duration.ofMillis(5));

        assertThat(ran.await(100, TimeUnit.MILLISECONDS)).isFalse();
    }
}
