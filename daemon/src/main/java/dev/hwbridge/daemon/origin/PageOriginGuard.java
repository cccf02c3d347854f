package dev.hwbridge.daemon.origin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.rpc.RpcMethod;
import dev.hwbridge.daemon.server.AccessPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The rules for a call that carries {@code params.pageOrigin}, the web page the extension calls
 * for: accepted only on an extension's connection ({@code INVALID_PARAMS} elsewhere, so a web page
 * cannot pass for another); only {@link #PAGE_METHODS} (a dapp's needs, nothing that changes the
 * device); for an origin the user has not approved, only {@link #UNAPPROVED_METHODS}, else
 * {@code ORIGIN_NOT_APPROVED}. Such a call runs as the page's own {@link PageClient} (its sessions,
 * its limits), with {@code pageOrigin} taken out of the params. Calls without it pass unchanged.
 * Thread-safe; one per daemon.
 */
public final class PageOriginGuard {

    public static final String PARAM = "pageOrigin";

    /** What a dapp does through the extension: list accounts, sign, give metadata. */
    static final Set<String> PAGE_METHODS = Set.of("bridge.info", "origin.request", "device.list",
            "session.acquire", "session.release", "device.unlock", "account.list", "account.sign",
            "chain.addMetadata", "chain.list");
    /** What a page may call before the user approved it: asking to be. */
    static final Set<String> UNAPPROVED_METHODS = Set.of("bridge.info", "origin.request");

    private final OriginApprovals approvals;
    private final LongSupplier nanoClock;
    private final AtomicLong pageIds = new AtomicLong();
    /** Connection → page origin → its page; guarded by itself. */
    private final Map<RpcClient, Map<String, PageClient>> pages = new HashMap<>();

    public PageOriginGuard(OriginApprovals approvals, LongSupplier nanoClock) {
        this.approvals = Objects.requireNonNull(approvals, "approvals");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        approvals.onRevoked(this::closePagesOf);
    }

    /**
     * {@code method} under these rules, however the dispatcher starts it: a call queued for its
     * device keeps its page's place in the page's limits until it ends.
     */
    public RpcMethod wrap(String name, RpcMethod method) {
        return new RpcMethod() {
            @Override
            public JsonNode call(RpcClient client, JsonNode params) throws RpcException {
                PageCall page = admit(name, client, params);
                if (page == null) {
                    return method.call(client, params);
                }
                try {
                    return method.call(page.client(), page.params());
                } finally {
                    page.client().limiter().finish();
                }
            }

            @Override
            public CompletableFuture<JsonNode> start(RpcClient client, JsonNode params) throws RpcException {
                PageCall page = admit(name, client, params);
                if (page == null) {
                    return method.start(client, params);
                }
                try {
                    return page.finishing(method.start(page.client(), page.params()));
                } catch (RpcException | RuntimeException e) {
                    page.client().limiter().finish();
                    throw e;
                }
            }

            @Override
            public Optional<CompletableFuture<JsonNode>> startWithoutBlocking(RpcClient client, JsonNode params)
                    throws RpcException {
                PageCall page = admit(name, client, params);
                if (page == null) {
                    return method.startWithoutBlocking(client, params);
                }
                try {
                    Optional<CompletableFuture<JsonNode>> started =
                            method.startWithoutBlocking(page.client(), page.params());
                    if (started.isEmpty()) {
                        // The dispatcher starts it again on a worker, and admits it again there.
                        page.client().limiter().finish();
                    }
                    return started.map(page::finishing);
                } catch (RpcException | RuntimeException e) {
                    page.client().limiter().finish();
                    throw e;
                }
            }
        };
    }

    /** A call admitted for a page: its client and the params without {@code pageOrigin}. */
    private record PageCall(PageClient client, JsonNode params) {

        /** {@code call}, giving the page's place back when it ends. */
        CompletableFuture<JsonNode> finishing(CompletableFuture<JsonNode> call) {
            call.whenComplete((result, failure) -> client.limiter().finish());
            return call;
        }
    }

    /**
     * The page a call with {@code pageOrigin} runs as, its place in the page's limits taken; null
     * for a call without it, which passes unchanged.
     */
    private PageCall admit(String name, RpcClient client, JsonNode params) throws RpcException {
        JsonNode pageOrigin = params == null ? null : params.get(PARAM);
        if (pageOrigin == null) {
            return null;
        }
        String origin = origin(client, pageOrigin);
        if (!PAGE_METHODS.contains(name)) {
            throw notApproved("a page may not call " + name + " through the extension");
        }
        if (!UNAPPROVED_METHODS.contains(name) && !approvals.approved(origin)) {
            throw notApproved("the user has not approved this origin: call origin.request first");
        }
        PageClient page = pageOf(client, origin);
        if (!page.limiter().tryStart()) {
            throw new RpcException(RpcError.RATE_LIMITED, "too many calls per second, or at once, from this page");
        }
        ObjectNode rest = ((ObjectNode) params).deepCopy();
        rest.remove(PARAM);
        return new PageCall(page, rest);
    }

    private String origin(RpcClient client, JsonNode pageOrigin) throws RpcException {
        if (approvals.roleOf(client) != CallerRole.EXTENSION) {
            throw invalid("is accepted only from the hwbridge browser extension");
        }
        if (!pageOrigin.isTextual() || pageOrigin.textValue().length() > 2048) {
            throw invalid("must be an origin (scheme://host[:port])");
        }
        try {
            return AccessPolicy.normalizeOrigin(pageOrigin.textValue());
        } catch (IllegalArgumentException e) {
            throw invalid("must be an origin (scheme://host[:port])");
        }
    }

    /** The page of {@code origin} on {@code connection}: one object while both live. */
    private PageClient pageOf(RpcClient connection, String origin) {
        boolean first;
        PageClient page;
        synchronized (pages) {
            Map<String, PageClient> ofConnection = pages.get(connection);
            first = ofConnection == null;
            if (first) {
                ofConnection = new HashMap<>();
                pages.put(connection, ofConnection);
            }
            page = ofConnection.get(origin);
            if (page == null || !page.isOpen()) {
                page = new PageClient(connection, origin, connection.id() + "/p" + pageIds.incrementAndGet(),
                        new PageLimiter(nanoClock));
                ofConnection.put(origin, page);
            }
        }
        if (first) {
            connection.onClose(() -> closePagesOfConnection(connection));
        }
        return page;
    }

    private void closePagesOfConnection(RpcClient connection) {
        Map<String, PageClient> closing;
        synchronized (pages) {
            closing = pages.remove(connection);
        }
        if (closing != null) {
            closing.values().forEach(PageClient::close);
        }
    }

    /** An origin's approval was withdrawn: its pages end, and with them their sessions. */
    private void closePagesOf(String origin) {
        List<PageClient> closing = new ArrayList<>();
        synchronized (pages) {
            for (Map<String, PageClient> ofConnection : pages.values()) {
                PageClient page = ofConnection.remove(origin);
                if (page != null) {
                    closing.add(page);
                }
            }
        }
        closing.forEach(PageClient::close);
    }

    /** ORIGIN_NOT_APPROVED. */
    public static RpcException notApproved(String message) {
        return new RpcException(RpcError.ORIGIN_NOT_APPROVED, message);
    }

    private static RpcException invalid(String problem) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("field", PARAM);
        return new RpcException(RpcError.INVALID_PARAMS, PARAM + " " + problem, data);
    }
}
