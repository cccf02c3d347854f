package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.device.Device;
import dev.hwbridge.daemon.device.Futures;
import dev.hwbridge.daemon.device.DeviceManager;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.rpc.RpcMethod;
import dev.hwbridge.daemon.session.Session;
import dev.hwbridge.daemon.session.SessionManager;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.message.ApplySettings;
import dev.hwbridge.protocol.message.Recover;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.Setup;
import dev.hwbridge.protocol.message.Unlock;
import dev.hwbridge.protocol.message.Wipe;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@code device.list}, {@code device.subscribe}, {@code device.ping}, {@code device.features} and the four flows the
 * user finishes on the device: unlock, setup, recover, wipe. Each flow returns the device's
 * features once the user is done, so the caller sees the new state without asking again.
 */
final class DeviceMethods implements MethodGroup {

    /** A liveness check, not a transport: the echo is kept small. */
    static final int MAX_PING_BYTES = 64;

    private static final Set<Integer> WORD_COUNTS = Set.of(12, 15, 18, 21, 24);

    private final DeviceManager devices;
    private final SessionManager sessions;
    private final DeviceEvents events;
    private final Consumer<Session> seedChanged;

    /** @param seedChanged told when a flow may have changed the seeds on the session's device */
    DeviceMethods(DeviceManager devices, SessionManager sessions, DeviceEvents events, Consumer<Session> seedChanged) {
        this.devices = devices;
        this.sessions = sessions;
        this.events = events;
        this.seedChanged = seedChanged;
    }

    @Override
    public Map<String, RpcMethod> methods() {
        Map<String, RpcMethod> methods = new LinkedHashMap<>();
        methods.put("device.list", this::list);
        methods.put("device.subscribe", this::subscribe);
        methods.put("device.ping", (StartedMethod) this::ping);
        methods.put("device.features", (StartedMethod) this::features);
        methods.put("device.unlock", (StartedMethod) this::unlock);
        methods.put("device.setup", (StartedMethod) this::setup);
        methods.put("device.recover", (StartedMethod) this::recover);
        methods.put("device.wipe", (StartedMethod) this::wipe);
        methods.put("device.settings", (StartedMethod) this::settings);
        return methods;
    }

    private JsonNode list(RpcClient client, JsonNode raw) throws RpcException {
        Params.of(raw, Set.of());
        return currentList();
    }

    /** Subscribes to attach/detach notifications and returns the list as it is now, so nothing falls between. */
    private JsonNode subscribe(RpcClient client, JsonNode raw) throws RpcException {
        Params.of(raw, Set.of());
        events.subscribe(client);
        return currentList();
    }

    /** {@code {device, data?}} → {@code {data}}: the device's echo of up to 64 bytes, no session needed. */
    private CompletableFuture<JsonNode> ping(RpcClient client, JsonNode raw) throws RpcException {
        Params params = Params.of(raw, Set.of("device", "data"));
        String id = params.text("device", Fields.MAX_DEVICE_ID);
        byte[] data = new byte[0];
        if (params.has("data")) {
            String text = params.text("data", 2 + 2 * MAX_PING_BYTES);
            if (!Hex.isHex(text)) {
                throw Params.invalid("data", "must be 0x-prefixed hex of at most " + MAX_PING_BYTES + " bytes");
            }
            data = Hex.fromHex(text);
        }
        Device device = devices.find(id)
                .orElseThrow(() -> new RpcException(RpcError.DEVICE_GONE, "no device with id " + id));
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        device.pingAsync(data).whenComplete((echo, failure) -> {
            if (failure != null) {
                try {
                    result.completeExceptionally(DeviceCalls.rpcError(Futures.cause(failure)));
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
                return;
            }
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.put("data", Hex.toHex(echo));
            result.complete(answer);
        });
        return result;
    }

    private CompletableFuture<JsonNode> features(RpcClient client, JsonNode raw) throws RpcException {
        Session session = SessionMethods.session(Params.of(raw, Set.of("session")), sessions, client);
        return DeviceCalls.start(session, client, DeviceCalls.GET_FEATURES, Response.BodyCase.FEATURES)
                .thenApply(reply -> DeviceJson.features(reply.getFeatures()));
    }

    private CompletableFuture<JsonNode> unlock(RpcClient client, JsonNode raw) throws RpcException {
        Session session = SessionMethods.session(Params.of(raw, Set.of("session")), sessions, client);
        Request request = Request.newBuilder().setUnlock(Unlock.getDefaultInstance()).build();
        return flow(session, client, request, false);
    }

    private CompletableFuture<JsonNode> setup(RpcClient client, JsonNode raw) throws RpcException {
        Params params = Params.of(raw, Set.of("session", "wordCount", "label", "identity"));
        Session session = SessionMethods.session(params, sessions, client);
        Setup setup = Setup.newBuilder()
                .setWordCount(wordCount(params))
                .setLabel(params.optionalText("label", Fields.MAX_LABEL).orElse(""))
                .setIdentity(Fields.identity(params))
                .build();
        return flow(session, client, Request.newBuilder().setSetup(setup).build(), true);
    }

    private CompletableFuture<JsonNode> recover(RpcClient client, JsonNode raw) throws RpcException {
        Params params = Params.of(raw, Set.of("session", "wordCount", "identity"));
        Session session = SessionMethods.session(params, sessions, client);
        Recover recover = Recover.newBuilder()
                .setWordCount(wordCount(params))
                .setIdentity(Fields.identity(params))
                .build();
        return flow(session, client, Request.newBuilder().setRecover(recover).build(), true);
    }

    private CompletableFuture<JsonNode> wipe(RpcClient client, JsonNode raw) throws RpcException {
        Session session = SessionMethods.session(Params.of(raw, Set.of("session")), sessions, client);
        return flow(session, client, Request.newBuilder().setWipe(Wipe.getDefaultInstance()).build(), true);
    }

    /**
     * {@code {session, blindSigning?}} → the features, once the user confirmed a change on the
     * device (nothing is asked when nothing changes).
     */
    private CompletableFuture<JsonNode> settings(RpcClient client, JsonNode raw) throws RpcException {
        Params params = Params.of(raw, Set.of("session", "blindSigning"));
        Session session = SessionMethods.session(params, sessions, client);
        ApplySettings.Builder settings = ApplySettings.newBuilder();
        if (params.has("blindSigning")) {
            settings.setBlindSigning(params.flag("blindSigning"));
        }
        Request request = Request.newBuilder().setApplySettings(settings).build();
        return DeviceCalls.start(session, client, request, Response.BodyCase.FEATURES)
                .thenApply(reply -> DeviceJson.features(reply.getFeatures()));
    }

    /**
     * Starts a flow that ends in Success, then asks for the features; no thread waits while the
     * user goes through it on the device.
     */
    private CompletableFuture<JsonNode> flow(Session session, RpcClient client, Request request, boolean changesSeeds) {
        return DeviceCalls.start(session, client, request, Response.BodyCase.SUCCESS)
                .whenComplete((success, failure) -> {
                    // Also on failure: a flow cut short (unplug, cancel) leaves the seeds in doubt.
                    if (changesSeeds) {
                        seedChanged.accept(session);
                    }
                })
                .thenCompose(success -> DeviceCalls.start(session, client, DeviceCalls.GET_FEATURES,
                        Response.BodyCase.FEATURES))
                .thenApply(reply -> DeviceJson.features(reply.getFeatures()));
    }

    private static int wordCount(Params params) throws RpcException {
        int count = params.integer("wordCount", 12, 24);
        if (!WORD_COUNTS.contains(count)) {
            throw Params.invalid("wordCount", "must be 12, 15, 18, 21 or 24");
        }
        return count;
    }

    private ArrayNode currentList() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Device device : devices.list()) {
            list.add(DeviceJson.entry(device, sessions.sessionOf(device.id())));
        }
        return list;
    }
}
