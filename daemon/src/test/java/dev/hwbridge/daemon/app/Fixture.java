package dev.hwbridge.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.daemon.device.BusFactory;
import dev.hwbridge.daemon.device.DeviceManager;
import dev.hwbridge.daemon.device.FakeBus;
import dev.hwbridge.daemon.device.Replies;
import dev.hwbridge.daemon.device.ScriptedConnection;
import dev.hwbridge.daemon.device.ScriptedConnector;
import dev.hwbridge.daemon.rpc.RecordingClient;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.rpc.RpcMethod;
import dev.hwbridge.daemon.session.SessionManager;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One scripted device on a fake bus, the device and session managers over it, and the methods
 * under test, called directly as the dispatcher would call them.
 */
final class Fixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final FakeBus bus = new FakeBus("udp");
    final ScriptedConnector connector = new ScriptedConnector();
    final DeviceManager devices = DeviceManager.start(List.of(new BusFactory("udp", () -> bus)), connector);
    final SessionManager sessions = new SessionManager(devices, new SecureRandom());
    final DeviceEvents events = new DeviceEvents(devices);
    final RecordingClient client = new RecordingClient("c1");
    final ScriptedConnection device = connector.connectionFor("udp:sim");
    private final Map<String, RpcMethod> methods = new HashMap<>();
    private Registrations registrations;
    private SeedFingerprints fingerprints;

    /** A registry in {@code dataDir}, opened on first use. */
    Registrations registrations(java.nio.file.Path dataDir) {
        if (registrations == null) {
            registrations = new Registrations(dev.hwbridge.daemon.registry.AccountRegistry.open(dataDir));
        }
        return registrations;
    }

    SeedFingerprints fingerprints() {
        if (fingerprints == null) {
            fingerprints = new SeedFingerprints(sessions);
        }
        return fingerprints;
    }

    Fixture with(MethodGroup group) {
        methods.putAll(group.methods());
        return this;
    }

    /** Plugs the device (answering the GetFeatures of attach) and waits for it. */
    Fixture plug() throws InterruptedException {
        device.enqueue(Replies.features("Alice's", true, false, List.of("main")));
        bus.plug("sim");
        device.takeRequest();
        // The reply is applied just after the request is taken: wait for it to show.
        for (int i = 0; i < 250 && devices.find("1").orElseThrow().info().label() == null; i++) {
            Thread.sleep(20);
        }
        return this;
    }

    /** Acquires device 1 for {@link #client}; returns the session id. */
    String acquire() throws RpcException {
        try {
            return sessions.acquire("1", null, ClientOwner.of(client)).id();
        } catch (dev.hwbridge.daemon.session.SessionException e) {
            throw DeviceErrors.of(e);
        }
    }

    JsonNode call(String method, String paramsJson) throws Exception {
        return call(client, method, paramsJson);
    }

    JsonNode call(RecordingClient caller, String method, String paramsJson) throws Exception {
        RpcMethod target = methods.get(method);
        assertThat(target).as("method %s", method).isNotNull();
        return target.call(caller, paramsJson == null ? JSON.nullNode() : JSON.readTree(paramsJson));
    }

    /** Calls and expects an error; returns it. */
    RpcException fails(String method, String paramsJson, RpcError error) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> call(method, paramsJson));
        assertThat(thrown).isInstanceOf(RpcException.class);
        RpcException e = (RpcException) thrown;
        assertThat(e.error()).as(e.getMessage()).isEqualTo(error);
        return e;
    }

    static void assertInvalidParam(ThrowingCall call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RpcException.class, e -> {
            assertThat(e.error()).isEqualTo(RpcError.INVALID_PARAMS);
            assertThat(e.data().get("field").asText()).isEqualTo(field);
        });
    }

    /** A call expected to throw. */
    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }

    @Override
    public void close() {
        devices.close();
    }
}
