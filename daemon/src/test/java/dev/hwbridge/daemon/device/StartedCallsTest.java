package dev.hwbridge.daemon.device;

import static dev.hwbridge.daemon.device.DeviceTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.protocol.message.GetFeatures;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Work started in a device's queue holds no thread: not while it waits for its turn, nor while the device works. */
class StartedCallsTest {

    private static final DeviceDescriptor SIMULATOR =
            new DeviceDescriptor("udp:127.0.0.1:21336", "udp", 0, 0, "hwbridge simulator", "");
    private static final Request FEATURES = Request.newBuilder().setGetFeatures(GetFeatures.getDefaultInstance()).build();
    private static final Response PROMPT = Replies.confirm("Sign transaction", "to 5Grw…");

    /** Runs what it is given on a thread of its own, and counts it: the only threads the device layer takes. */
    private final CountingThreads threads = new CountingThreads();
    private final ScriptedConnection connection = new ScriptedConnection();
    private final Device device = new Device("1", SIMULATOR, () -> connection, threads);

    @Test
    void hundredsOfCallsQueuedBehindAnOpenPromptHoldNoThreadAndRunInOrderOnceItEnds() throws Exception {
        connection.enqueueHang(PROMPT);
        List<Response> interims = new CopyOnWriteArrayList<>();
        CompletableFuture<Response> prompt = device.submitStarted(() -> device.callAsync(FEATURES, interims::add, () -> true));
        connection.awaitHanging();
        List<CompletableFuture<byte[]>> pings = new ArrayList<>();

        for (int i = 0; i < 300; i++) {
            byte[] data = {(byte) (i >> 8), (byte) i};
            pings.add(device.submitStarted(() -> device.pingAsync(data)));
        }

        assertThat(interims).containsExactly(PROMPT);
        assertThat(device.queued()).isEqualTo(300);
        assertThat(pings).noneMatch(CompletableFuture::isDone);
        assertThat(prompt).isNotDone();
        // One thread ran once, to open the connection; the prompt and the 300 calls behind it hold none.
        assertThat(threads.started()).isEqualTo(1);
        assertThat(threads.awaitNoneRunning()).isTrue();

        device.cancel();

        assertFails(prompt, DeviceError.CANCELLED);
        for (int i = 0; i < pings.size(); i++) {
            assertThat(pings.get(i).get(5, TimeUnit.SECONDS)).containsExactly((byte) (i >> 8), (byte) i);
        }
        assertThat(connection.pings()).hasSize(300);
        assertThat(connection.pings().get(299)).containsExactly(1, 43);
        assertThat(threads.started()).isEqualTo(1);
    }

    @Test
    void cancellingTheRunningCallsFutureCancelsTheDevicesExchangeAndTheNextCallRunsAfterIt() throws Exception {
        connection.enqueueHang(PROMPT).enqueue(Replies.success());
        CompletableFuture<Response> prompt = device.submitStarted(() -> device.callAsync(FEATURES, reply -> { }, () -> true));
        connection.awaitHanging();
        CompletableFuture<Response> next = device.submitStarted(() -> device.callAsync(FEATURES, reply -> { }, () -> true));

        prompt.cancel(true);

        assertThat(next.get(5, TimeUnit.SECONDS).hasSuccess()).isTrue();
        assertThat(prompt).isCancelled();
    }

    @Test
    void aQueuedCallWhoseSessionEndedEndsWithNotWantedWithoutReachingTheDevice() throws Exception {
        connection.enqueueHang(PROMPT);
        CompletableFuture<Response> prompt = device.submitStarted(() -> device.callAsync(FEATURES, reply -> { }, () -> true));
        connection.awaitHanging();
        CompletableFuture<Response> unwanted = device.submitStarted(() -> device.callAsync(FEATURES, reply -> { }, () -> false));

        device.cancel();

        assertFails(prompt, DeviceError.CANCELLED);
        assertFails(unwanted, DeviceError.NOT_WANTED);
        connection.takeRequest();
        assertThat(connection.takeRequestOrNull()).isNull();
    }

    @Test
    void preparedWorkGivesBackItsThreadOnceItsLastExchangeWaitsForTheUser() throws Exception {
        connection.enqueue(Replies.success()).enqueueHang(PROMPT);
        CompletableFuture<Response> signing = device.submitPrepared(() -> {
            // The blocking part: an exchange it waits for (e.g. the seed's fingerprint).
            device.call(FEATURES, reply -> { }, () -> true);
            return device.callAsync(FEATURES, reply -> { }, () -> true);
        });
        connection.awaitHanging();
        CompletableFuture<byte[]> ping = device.submitStarted(() -> device.pingAsync(new byte[] {7}));

        assertThat(threads.awaitNoneRunning()).isTrue();
        assertThat(ping).isNotDone();

        signing.cancel(true);

        assertThat(ping.get(5, TimeUnit.SECONDS)).containsExactly(7);
        assertThat(signing).isCancelled();
    }

    @Test
    void aConnectionNotDrivenByEventsBorrowsAThreadForEachExchange() throws Exception {
        connection.blocking().enqueue(Replies.success()).enqueue(Replies.success());

        device.submitStarted(() -> device.callAsync(FEATURES, reply -> { }, () -> true)).get(5, TimeUnit.SECONDS);
        device.submitStarted(() -> device.callAsync(FEATURES, reply -> { }, () -> true)).get(5, TimeUnit.SECONDS);

        // The open, then one per exchange.
        assertThat(threads.started()).isEqualTo(3);
    }

    private static final class CountingThreads implements Executor {
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger running = new AtomicInteger();

        @Override
        public void execute(Runnable task) {
            started.incrementAndGet();
            running.incrementAndGet();
            Thread thread = new Thread(() -> {
                try {
                    task.run();
                } finally {
                    running.decrementAndGet();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        int started() {
            return started.get();
        }

        /** True once no task runs (the one that opened the connection may be finishing). */
        boolean awaitNoneRunning() throws InterruptedException {
            for (int i = 0; i < 100 && running.get() > 0; i++) {
                Thread.sleep(10);
            }
            return running.get() == 0;
        }
    }
}
