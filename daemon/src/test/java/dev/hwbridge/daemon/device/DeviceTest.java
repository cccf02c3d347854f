package dev.hwbridge.daemon.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.GetFeatures;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.Wipe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DeviceTest {

    private static final DeviceDescriptor SIMULATOR =
            new DeviceDescriptor("udp:127.0.0.1:21336", "udp", 0, 0, "hwbridge simulator", "");
    private static final Request FEATURES = Request.newBuilder().setGetFeatures(GetFeatures.getDefaultInstance()).build();
    private static final Request WIPE = Request.newBuilder().setWipe(Wipe.getDefaultInstance()).build();

    private final List<ScriptedConnection> opened = new ArrayList<>();
    private final List<ScriptedConnection> toOpen = new ArrayList<>();
    private final Device device = new Device("1", SIMULATOR, () -> {
        ScriptedConnection next = toOpen.remove(0);
        opened.add(next);
        return next;
    });

    @Test
    void connectionIsOpenedOnFirstCallAndReused() throws Exception {
        ScriptedConnection connection = new ScriptedConnection()
                .enqueue(Replies.features("Alice's", true, false, List.of("main")))
                .enqueue(Replies.success());
        toOpen.add(connection);

        assertThat(device.call(FEATURES, reply -> { }, () -> true).hasFeatures()).isTrue();
        assertThat(device.call(WIPE, reply -> { }, () -> true).hasSuccess()).isTrue();

        assertThat(opened).containsExactly(connection);
        assertThat(connection.takeRequest()).isEqualTo(FEATURES);
        assertThat(connection.takeRequest()).isEqualTo(WIPE);
    }

    @Test
    void listShowsLabelAndModelOfTheLastFeatures() throws Exception {
        assertThat(device.info()).isEqualTo(new DeviceInfo("1", "udp", null, "hwbridge simulator"));
        toOpen.add(new ScriptedConnection().enqueue(Replies.features("Alice's", true, false, List.of())));

        device.call(FEATURES, reply -> { }, () -> true);

        assertThat(device.info()).isEqualTo(new DeviceInfo("1", "udp", "Alice's", "hwbridge-sim", DeviceInfo.HWBRIDGE, null,
                List.of("sr25519", "ed25519", "ecdsa")));
    }

    @Test
    void failureReplyIsReturnedAndKeepsTheConnection() throws Exception {
        ScriptedConnection connection = new ScriptedConnection()
                .enqueue(Replies.failure(Failure.Code.USER_REJECTED))
                .enqueue(Replies.success());
        toOpen.add(connection);

        assertThat(device.call(WIPE, reply -> { }, () -> true).getFailure().getCode()).isEqualTo(Failure.Code.USER_REJECTED);
        assertThat(device.call(WIPE, reply -> { }, () -> true).hasSuccess()).isTrue();
        assertThat(opened).hasSize(1);
    }

    @Test
    void brokenConnectionIsDroppedAndTheNextCallReopens() throws Exception {
        ScriptedConnection broken = new ScriptedConnection();
        ScriptedConnection fresh = new ScriptedConnection().enqueue(Replies.success());
        toOpen.add(broken);
        toOpen.add(fresh);

        assertThatThrownBy(() -> device.call(WIPE, reply -> { }, () -> true))
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.error()).isEqualTo(DeviceError.FAILED));
        assertThat(broken.isClosed()).isTrue();
        assertThat(device.call(WIPE, reply -> { }, () -> true).hasSuccess()).isTrue();
        assertThat(opened).containsExactly(broken, fresh);
    }

    @Test
    void aFailureTheConnectionRecoversFromKeepsIt() throws Exception {
        ScriptedConnection recovering = new ScriptedConnection().recovering();
        toOpen.add(recovering);

        assertThatThrownBy(() -> device.call(WIPE, reply -> { }, () -> true))
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.error()).isEqualTo(DeviceError.FAILED));
        recovering.enqueue(Replies.success());

        assertThat(device.call(WIPE, reply -> { }, () -> true).hasSuccess()).isTrue();
        assertThat(recovering.isClosed()).isFalse();
        assertThat(opened).containsExactly(recovering);
    }

    @Test
    void interimRepliesReachTheListenerBeforeTheFinalOne() throws Exception {
        Response prompt = Replies.confirm("Erase everything?");
        toOpen.add(new ScriptedConnection().enqueue(Replies.success(), prompt));
        List<Response> interims = new ArrayList<>();

        device.call(WIPE, interims::add, () -> true);

        assertThat(interims).containsExactly(prompt);
    }

    @Test
    void cancelEndsTheCallInProgressWithCancelled() throws Exception {
        ScriptedConnection connection = new ScriptedConnection().enqueueHang(Replies.confirm("Sign?"));
        toOpen.add(connection);
        CompletableFuture<Response> call = callAsync(WIPE, () -> true);
        connection.awaitHanging();

        device.cancel();

        assertFails(call, DeviceError.CANCELLED);
        assertThat(connection.isClosed()).as("a cancelled exchange leaves the channel usable").isFalse();
    }

    @Test
    void detachFailsTheCallInProgressWithDeviceGoneAndLaterCallsAtOnce() throws Exception {
        ScriptedConnection connection = new ScriptedConnection().enqueueHang(Replies.confirm("Sign?"));
        toOpen.add(connection);
        CompletableFuture<Response> call = callAsync(WIPE, () -> true);
        connection.awaitHanging();

        device.detach();

        assertFails(call, DeviceError.GONE);
        assertThat(device.isGone()).isTrue();
        assertThatThrownBy(() -> device.call(FEATURES, reply -> { }, () -> true))
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.error()).isEqualTo(DeviceError.GONE));
        assertThat(opened).hasSize(1);
    }

    @Test
    void callsRunOneAtATimeAndAQueuedCallWhoseSessionEndedGetsNoSession() throws Exception {
        ScriptedConnection connection = new ScriptedConnection().enqueueHang().enqueue(Replies.success());
        toOpen.add(connection);
        CompletableFuture<Response> first = callAsync(WIPE, () -> true);
        connection.awaitHanging();
        AtomicBoolean secondWanted = new AtomicBoolean(true);
        CompletableFuture<Response> second = callAsync(FEATURES, secondWanted::get);
        CompletableFuture<Response> third = callAsync(FEATURES, () -> true);
        Thread.sleep(100);
        assertThat(second).as("the second call waits for the first").isNotDone();

        secondWanted.set(false);
        device.cancel();

        assertFails(first, DeviceError.CANCELLED);
        assertFails(second, DeviceError.NOT_WANTED);
        assertThat(third.get(5, TimeUnit.SECONDS).hasSuccess()).isTrue();
    }

    @Test
    void pingIsEchoedOnTheSameConnectionAsCalls() throws Exception {
        ScriptedConnection connection = new ScriptedConnection().enqueue(Replies.success());
        toOpen.add(connection);

        byte[] echo = device.ping(new byte[] {1, 2, 3});
        device.call(WIPE, reply -> { }, () -> true);

        assertThat(echo).containsExactly(1, 2, 3);
        assertThat(opened).containsExactly(connection);
        assertThat(connection.pings()).hasSize(1);
    }

    @Test
    void pingWaitsForTheCallInProgress() throws Exception {
        ScriptedConnection connection = new ScriptedConnection().enqueueHang();
        toOpen.add(connection);
        CompletableFuture<Response> first = callAsync(WIPE, () -> true);
        connection.awaitHanging();
        CompletableFuture<byte[]> ping = async(() -> device.ping(new byte[] {7}));
        Thread.sleep(100);
        assertThat(ping).as("the ping waits for its turn").isNotDone();

        device.cancel();

        assertFails(first, DeviceError.CANCELLED);
        assertThat(ping.get(5, TimeUnit.SECONDS)).containsExactly(7);
    }

    @Test
    void pingOfADetachedDeviceIsDeviceGone() {
        device.detach();

        assertThatThrownBy(() -> device.ping(new byte[0]))
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.error()).isEqualTo(DeviceError.GONE));
        assertThat(opened).isEmpty();
    }

    @Test
    void interruptedWaiterGivesUpWithCancelled() throws Exception {
        ScriptedConnection connection = new ScriptedConnection().enqueueHang();
        toOpen.add(connection);
        CompletableFuture<Response> first = callAsync(WIPE, () -> true);
        connection.awaitHanging();
        CompletableFuture<DeviceError> waiter = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                device.call(FEATURES, reply -> { }, () -> true);
                waiter.complete(null);
            } catch (DeviceException e) {
                waiter.complete(e.error());
            }
        });
        thread.start();
        Thread.sleep(100);

        thread.interrupt();

        assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo(DeviceError.CANCELLED);
        device.cancel();
        assertFails(first, DeviceError.CANCELLED);
    }

    private CompletableFuture<Response> callAsync(Request request, java.util.function.BooleanSupplier wanted) {
        return async(() -> device.call(request, reply -> { }, wanted));
    }

    /** A device operation on a thread of its own. */
    private static <T> CompletableFuture<T> async(DeviceOperation<T> operation) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return operation.run();
            } catch (DeviceException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, runnable -> new Thread(runnable).start());
    }

    @FunctionalInterface
    private interface DeviceOperation<T> {
        T run() throws DeviceException;
    }

    static void assertFails(CompletableFuture<?> call, DeviceError error) {
        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.error()).isEqualTo(error));
    }
}
