package dev.hwbridge.daemon.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.device.BusFactory;
import dev.hwbridge.daemon.device.DeviceManager;
import dev.hwbridge.daemon.device.FakeBus;
import dev.hwbridge.daemon.device.Replies;
import dev.hwbridge.daemon.device.ScriptedConnection;
import dev.hwbridge.daemon.device.ScriptedConnector;
import dev.hwbridge.daemon.rpc.RecordingClient;
import dev.hwbridge.daemon.device.DeviceError;
import dev.hwbridge.daemon.device.DeviceException;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.Wipe;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionManagerTest {

    private static final Request WIPE = Request.newBuilder().setWipe(Wipe.getDefaultInstance()).build();

    private final FakeBus bus = new FakeBus("udp");
    private final ScriptedConnector connector = new ScriptedConnector();
    private final RecordingClient alice = new RecordingClient("c1");
    private final RecordingClient bob = new RecordingClient("c2");
    private final List<String> ended = new ArrayList<>();
    private DeviceManager devices;
    private SessionManager sessions;
    private ScriptedConnection device;

    @BeforeEach
    void plugOneDevice() throws InterruptedException {
        devices = DeviceManager.start(List.of(new BusFactory("udp", () -> bus)), connector);
        sessions = new SessionManager(devices, new SecureRandom());
        sessions.addListener((session, reason) -> ended.add(session.deviceId() + " " + reason));
        device = connector.connectionFor("udp:sim");
        device.enqueue(Replies.features("Alice's", true, false, List.of()));
        bus.plug("sim");
        device.takeRequest();
    }

    @AfterEach
    void close() {
        devices.close();
    }

    @Test
    void acquireGivesAnUnguessableSessionShownInTheList() throws Exception {
        Session session = sessions.acquire("1", null, alice);

        assertThat(session.id()).matches("[0-9a-f]{32}");
        assertThat(sessions.sessionOf("1")).contains(session.id());
        assertThat(sessions.require(session.id(), alice)).isSameAs(session);
        assertThat(sessions.acquire("1", session.id(), alice).id()).isNotEqualTo(session.id());
    }

    @Test
    void secondAcquireIsBusyUnlessItNamesTheCurrentSession() throws Exception {
        Session first = sessions.acquire("1", null, alice);

        assertError(() -> sessions.acquire("1", null, bob), SessionError.HELD);
        assertError(() -> sessions.acquire("1", "0123456789abcdef0123456789abcdef", bob), SessionError.HELD);
        assertThat(sessions.sessionOf("1")).contains(first.id());
    }

    @Test
    void takeoverEndsTheOldSessionNotifiesItsOwnerAndCancelsItsCall() throws Exception {
        Session first = sessions.acquire("1", null, alice);
        device.enqueueHang(Replies.confirm("Erase everything?"));
        CompletableFuture<Response> call = callAsync(first);
        device.awaitHanging();

        Session second = sessions.acquire("1", first.id(), bob);

        assertFails(call, DeviceError.CANCELLED);
        JsonNode notice = alice.assertNext(SessionManager.ENDED_NOTIFICATION);
        assertThat(notice.get("session").asText()).isEqualTo(first.id());
        assertThat(notice.get("device").asText()).isEqualTo("1");
        assertThat(notice.get("reason").asText()).isEqualTo("stolen");
        assertThat(first.isActive()).isFalse();
        assertError(() -> sessions.require(first.id(), alice), SessionError.NO_SESSION);
        assertThat(sessions.sessionOf("1")).contains(second.id());
        assertThat(ended).containsExactly("1 STOLEN");
        bob.assertExhausted();
    }

    @Test
    void aSessionIsUsableOnlyByTheConnectionThatHoldsIt() throws Exception {
        Session session = sessions.acquire("1", null, alice);

        assertError(() -> sessions.require(session.id(), bob), SessionError.NO_SESSION);
        assertError(() -> sessions.release(session.id(), bob), SessionError.NO_SESSION);
        assertError(() -> sessions.require("no-such-session", alice), SessionError.NO_SESSION);
        assertThat(session.isActive()).isTrue();
    }

    @Test
    void releaseFreesTheDeviceWithoutNotifyingTheOwner() throws Exception {
        Session session = sessions.acquire("1", null, alice);

        sessions.release(session.id(), alice);

        assertThat(sessions.sessionOf("1")).isEmpty();
        assertThat(sessions.acquire("1", null, bob).isActive()).isTrue();
        assertError(() -> session.call(WIPE, r -> { }), SessionError.NO_SESSION);
        assertThat(ended).containsExactly("1 RELEASED");
        alice.assertExhausted();
    }

    @Test
    void closingTheConnectionEndsItsSessionsAndCancelsTheirCalls() throws Exception {
        Session session = sessions.acquire("1", null, alice);
        device.enqueueHang();
        CompletableFuture<Response> call = callAsync(session);
        device.awaitHanging();

        alice.close();

        assertFails(call, DeviceError.CANCELLED);
        assertThat(sessions.sessionOf("1")).isEmpty();
        assertThat(ended).containsExactly("1 CLOSED");
    }

    @Test
    void unplugEndsTheSessionFailsItsCallAndNotifiesTheOwner() throws Exception {
        Session session = sessions.acquire("1", null, alice);
        device.enqueueHang(Replies.confirm("Erase everything?"));
        CompletableFuture<Response> call = callAsync(session);
        device.awaitHanging();

        bus.unplug("sim");

        assertFails(call, DeviceError.GONE);
        JsonNode notice = alice.assertNext(SessionManager.ENDED_NOTIFICATION);
        assertThat(notice.get("reason").asText()).isEqualTo("detached");
        assertThat(sessions.sessionOf("1")).isEmpty();
        assertError(() -> sessions.acquire("1", null, bob), SessionError.DEVICE_GONE);
        assertThat(ended).containsExactly("1 DETACHED");
    }

    @Test
    void deviceGoneDuringACallEndsTheSessionEvenBeforeTheBusNotices() throws Exception {
        Session session = sessions.acquire("1", null, alice);
        device.close();

        assertError(() -> session.call(WIPE, r -> { }), DeviceError.GONE);

        assertThat(session.isActive()).isFalse();
        assertThat(alice.assertNext(SessionManager.ENDED_NOTIFICATION).get("reason").asText()).isEqualTo("detached");
    }

    @Test
    void acquireOfAnUnknownDeviceIsDeviceGone() {
        assertError(() -> sessions.acquire("7", null, alice), SessionError.DEVICE_GONE);
    }

    @Test
    void acquireFromAClosedConnectionLeavesTheDeviceFree() {
        alice.close();

        assertError(() -> sessions.acquire("1", null, alice), SessionError.NO_SESSION);

        assertThat(sessions.sessionOf("1")).isEmpty();
    }

    private static CompletableFuture<Response> callAsync(Session session) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return session.call(WIPE, r -> { });
            } catch (SessionException | DeviceException e) {
                throw new CompletionException(e);
            }
        });
    }

    private static void assertFails(CompletableFuture<?> call, Enum<?> error) {
        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().satisfies(e -> assertThat(errorOf(e)).isEqualTo(error));
    }

    private static void assertError(ThrowingCallable call, Enum<?> error) {
        assertThatThrownBy(call).satisfies(e -> assertThat(errorOf(e)).isEqualTo(error));
    }

    /** A session's or the device layer's typed error. */
    private static Enum<?> errorOf(Throwable failure) {
        if (failure instanceof SessionException e) {
            return e.error();
        }
        if (failure instanceof DeviceException e) {
            return e.error();
        }
        throw new AssertionError("not a typed error", failure);
    }
}
