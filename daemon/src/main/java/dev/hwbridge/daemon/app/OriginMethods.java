package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.origin.CallerRole;
import dev.hwbridge.daemon.origin.OriginApprovals;
import dev.hwbridge.daemon.origin.OriginRecord;
import dev.hwbridge.daemon.origin.PageOriginGuard;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.rpc.RpcMethod;
import dev.hwbridge.daemon.server.AccessPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code origin.request}, {@code origin.decide}, {@code origin.list} and {@code origin.revoke}:
 * the user's approval of the web pages that use the daemon through the browser extension. Only
 * the user's own tools (the wallet page, the extension, a native client) may decide, list or
 * revoke; never a web page.
 */
final class OriginMethods implements MethodGroup {

    /** How long a request waits for the user before it gives TIMEOUT. */
    static final Duration REQUEST_LIMIT = Duration.ofMinutes(5);
    private static final int MAX_ORIGIN = 2048;

    private final OriginApprovals approvals;

    OriginMethods(OriginApprovals approvals) {
        this.approvals = approvals;
    }

    @Override
    public Map<String, RpcMethod> methods() {
        Map<String, RpcMethod> methods = new LinkedHashMap<>();
        methods.put("origin.request", this::request);
        methods.put("origin.decide", this::decide);
        methods.put("origin.list", this::list);
        methods.put("origin.revoke", this::revoke);
        return methods;
    }

    /** {@code {origin, appName}} → {@code {origin, approved}} once the user has decided. */
    private JsonNode request(RpcClient client, JsonNode raw) throws RpcException {
        Params params = Params.of(raw, Set.of("origin", "appName"));
        String origin = origin(params);
        String appName = params.text("appName", OriginRecord.MAX_APP_NAME);
        CallerRole role = approvals.roleOf(client);
        if (role == CallerRole.PAGE_VIA_EXTENSION) {
            // A page asks for itself only.
            if (!client.origin().orElseThrow().equals(origin)) {
                throw Params.invalid("origin", "must be the pageOrigin of the call");
            }
        } else if (role != CallerRole.EXTENSION && role != CallerRole.NATIVE) {
            throw PageOriginGuard.notApproved("only the browser extension asks for a page's approval");
        }
        Optional<OriginApprovals.Outcome> outcome;
        try {
            outcome = approvals.request(origin, appName, REQUEST_LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException(RpcError.CANCELLED, "the call was cancelled");
        }
        if (outcome.isEmpty()) {
            throw new RpcException(RpcError.RATE_LIMITED, "too many origins are waiting for the user already");
        }
        if (outcome.get() == OriginApprovals.Outcome.TIMED_OUT) {
            throw new RpcException(RpcError.TIMEOUT, "the user did not decide in time");
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("origin", origin);
        result.put("approved", outcome.get() == OriginApprovals.Outcome.APPROVED);
        return result;
    }

    /** {@code {origin, approve, appName?}} → {@code null}. */
    private JsonNode decide(RpcClient client, JsonNode raw) throws RpcException {
        Params params = Params.of(raw, Set.of("origin", "approve", "appName"));
        String origin = origin(params);
        if (!params.has("approve")) {
            throw Params.invalid("approve", "is required");
        }
        boolean approve = params.flag("approve");
        String appName = params.optionalText("appName", OriginRecord.MAX_APP_NAME).orElse("");
        requireDecider(client, "origin.decide");
        approvals.decide(origin, approve, appName);
        return JsonNodeFactory.instance.nullNode();
    }

    /** {@code {}} → {@code {approved: [...], pending: [...]}}; the caller then hears of changes. */
    private JsonNode list(RpcClient client, JsonNode raw) throws RpcException {
        Params.of(raw, Set.of());
        requireDecider(client, "origin.list");
        approvals.listen(client);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode approved = result.putArray("approved");
        for (OriginRecord record : approvals.approvedOrigins()) {
            ObjectNode node = approved.addObject();
            node.put("origin", record.origin());
            node.put("appName", record.appName());
            node.put("kind", record.kind().wireName());
            node.put("approvedAt", record.approvedAt().toString());
        }
        ArrayNode pending = result.putArray("pending");
        for (OriginApprovals.Pending prompt : approvals.pending()) {
            pending.add(OriginApprovals.pendingJson(prompt));
        }
        return result;
    }

    /** {@code {origin}} → {@code {revoked}}: false when it was not approved. */
    private JsonNode revoke(RpcClient client, JsonNode raw) throws RpcException {
        Params params = Params.of(raw, Set.of("origin"));
        String origin = origin(params);
        requireDecider(client, "origin.revoke");
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("revoked", approvals.revoke(origin));
        return result;
    }

    private void requireDecider(RpcClient client, String method) throws RpcException {
        if (!approvals.roleOf(client).mayDecide()) {
            throw PageOriginGuard.notApproved("only the wallet page and the browser extension may call " + method);
        }
    }

    private static String origin(Params params) throws RpcException {
        String text = params.text("origin", MAX_ORIGIN);
        try {
            return AccessPolicy.normalizeOrigin(text);
        } catch (IllegalArgumentException e) {
            throw Params.invalid("origin", "must be scheme://host[:port]");
        }
    }
}
