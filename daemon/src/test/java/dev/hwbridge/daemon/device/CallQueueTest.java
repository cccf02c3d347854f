package dev.hwbridge.daemon.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallQueueTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger started = new AtomicInteger();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void callsRunOneAtATimeInArrivalOrderOnOneThreadWhileTheyLast() throws Exception {
        CallQueue queue = new CallQueue(100, counting());
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        List<Integer> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> first = queue.submit(() -> {
            running.countDown();
            release.await();
            order.add(0);
            return 0;
        }, "1");
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Integer>> rest = new java.util.ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            int n = i;
            rest.add(queue.submit(() -> {
                order.add(n);
                return n;
            }, "1"));
        }

        assertThat(queue.waiting()).isEqualTo(50);
        release.countDown();

        assertThat(rest.get(49).get(5, TimeUnit.SECONDS)).isEqualTo(50);
        assertThat(first.get()).isZero();
        assertThat(order).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(0, 50).boxed().toList());
        assertThat(started.get()).isEqualTo(1);
    }

    @Test
    void aFullQueueRefusesWithQueueFull() throws Exception {
        CallQueue queue = new CallQueue(2, counting());
        CountDownLatch release = new CountDownLatch(1);
        queue.submit(() -> {
            release.await();
            return null;
        }, "7");
        awaitRunning(queue);
        queue.submit(() -> 1, "7");
        queue.submit(() -> 2, "7");

        assertThatThrownBy(() -> queue.submit(() -> 3, "7"))
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.error()).isEqualTo(DeviceError.QUEUE_FULL));
        release.countDown();
    }

    @Test
    void cancellingAWaitingCallTakesItOutAndCancellingTheRunningOneInterruptsIt() throws Exception {
        CallQueue queue = new CallQueue(10, counting());
        CountDownLatch interrupted = new CountDownLatch(1);
        CompletableFuture<Object> running = queue.submit(() -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return null;
        }, "1");
        awaitRunning(queue);
        AtomicInteger ran = new AtomicInteger();
        CompletableFuture<Integer> waiting = queue.submit(ran::incrementAndGet, "1");
        CompletableFuture<Integer> next = queue.submit(() -> 42, "1");

        waiting.cancel(true);
        running.cancel(true);

        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo(42);
        assertThat(ran.get()).isZero();
    }

    private java.util.concurrent.Executor counting() {
        return task -> {
            started.incrementAndGet();
            threads.execute(task);
        };
    }

    private static void awaitRunning(CallQueue queue) throws InterruptedException {
        for (int i = 0; i < 200 && queue.waiting() > 0; i++) {
            Thread.sleep(5);
        }
        Thread.sleep(20);
    }
}
