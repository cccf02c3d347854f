package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.device.Device;
import dev.hwbridge.daemon.device.DeviceException;
import dev.hwbridge.daemon.device.DeviceManager;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.rpc.RpcMethod;
import dev.hwbridge.daemon.session.SessionException;
import dev.hwbridge.daemon.session.SessionManager;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A method that uses one device, started in that device's queue ({@link Device#submit}): while
 * the calls ahead of it (a prompt the user has not answered) keep the device, it waits there
 * without a thread, so neither calls to other devices nor calls that need no device wait for a
 * worker. A {@link StartedMethod} holds no thread while the device works either, a {@link
 * PreparedMethod} one only until its last exchange starts; any other body borrows one for its turn. Its whole body runs in its turn, so the exchanges of one call are never interleaved with
 * another's. When the param naming the device does not resolve (no such session or device), the
 * body runs at once and reports that as it always does.
 */
final class QueuedOnDevice implements RpcMethod {

    /** Which param names the device. */
    enum Target {
        /** {@code session}: the caller's session's device. */
        SESSION,
        /** {@code device}: a device id (methods that need no session, e.g. device.ping). */
        DEVICE
    }

    private final RpcMethod body;
    private final Target target;
    private final SessionManager sessions;
    private final DeviceManager devices;

    QueuedOnDevice(RpcMethod body, Target target, SessionManager sessions, DeviceManager devices) {
        this.body = Objects.requireNonNull(body, "body");
        this.target = Objects.requireNonNull(target, "target");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.devices = Objects.requireNonNull(devices, "devices");
    }

    /** The body at once, on the calling thread. */
    @Override
    public JsonNode call(RpcClient client, JsonNode params) throws RpcException {
        return body.call(client, params);
    }

    @Override
    public CompletableFuture<JsonNode> start(RpcClient client, JsonNode params) throws RpcException {
        Optional<CompletableFuture<JsonNode>> queued = startWithoutBlocking(client, params);
        return queued.isPresent() ? queued.get() : RpcMethod.super.start(client, params);
    }

    /** Queues the body for its device; empty when the params name none (the body then reports why). */
    @Override
    public Optional<CompletableFuture<JsonNode>> startWithoutBlocking(RpcClient client, JsonNode params)
            throws RpcException {
        Optional<Device> device = resolve(client, params);
        if (device.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (body instanceof StartedMethod started && started.startsWithoutThread(params)) {
                return Optional.of(device.get().submitStarted(() -> begin(started, client, params)));
            }
            if (body instanceof PreparedMethod prepared) {
                return Optional.of(device.get().submitPrepared(() -> prepared.prepare(client, params)));
            }
            return Optional.of(device.get().submit(() -> body.call(client, params)));
        } catch (DeviceException e) {
            throw DeviceErrors.of(e);
        }
    }

    private static CompletableFuture<JsonNode> begin(StartedMethod method, RpcClient client, JsonNode params) {
        try {
            return method.begin(client, params);
        } catch (RpcException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Optional<Device> resolve(RpcClient client, JsonNode params) {
        String field = target == Target.SESSION ? "session" : "device";
        JsonNode value = params.path(field);
        if (!value.isTextual()) {
            return Optional.empty();
        }
        if (target == Target.DEVICE) {
            return devices.find(value.asText());
        }
        try {
            return Optional.of(sessions.require(value.asText(), ClientOwner.of(client)).device());
        } catch (SessionException e) {
            return Optional.empty();
        }
    }
}
