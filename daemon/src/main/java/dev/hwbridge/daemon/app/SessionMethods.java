package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.rpc.RpcMethod;
import dev.hwbridge.daemon.session.Session;
import dev.hwbridge.daemon.session.SessionException;
import dev.hwbridge.daemon.session.SessionManager;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code session.acquire} and {@code session.release}. */
final class SessionMethods implements MethodGroup {

    private final SessionManager sessions;

    SessionMethods(SessionManager sessions) {
        this.sessions = sessions;
    }

    @Override
    public Map<String, RpcMethod> methods() {
        Map<String, RpcMethod> methods = new LinkedHashMap<>();
        methods.put("session.acquire", this::acquire);
        methods.put("session.release", this::release);
        return methods;
    }

    /** {@code {device, previous?}} → {@code {session}}. */
    private JsonNode acquire(RpcClient client, JsonNode raw) throws RpcException {
        Params params = Params.of(raw, Set.of("device", "previous"));
        String device = params.text("device", Fields.MAX_DEVICE_ID);
        String previous = params.optionalText("previous", Fields.MAX_SESSION).orElse(null);
        Session session;
        try {
            session = sessions.acquire(device, previous, ClientOwner.of(client));
        } catch (SessionException e) {
            throw DeviceErrors.of(e);
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("session", session.id());
        return result;
    }

    /** {@code {session}} → {@code null}. */
    private JsonNode release(RpcClient client, JsonNode raw) throws RpcException {
        Params params = Params.of(raw, Set.of("session"));
        try {
            sessions.release(params.text("session", Fields.MAX_SESSION), ClientOwner.of(client));
        } catch (SessionException e) {
            throw DeviceErrors.of(e);
        }
        return JsonNodeFactory.instance.nullNode();
    }

    /** The caller's session named by the {@code session} param. */
    static Session session(Params params, SessionManager sessions, RpcClient client) throws RpcException {
        try {
            return sessions.require(params.text("session", Fields.MAX_SESSION), ClientOwner.of(client));
        } catch (SessionException e) {
            throw DeviceErrors.of(e);
        }
    }
}
