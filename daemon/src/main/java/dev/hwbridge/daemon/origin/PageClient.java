package dev.hwbridge.daemon.origin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.rpc.RpcClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One web page behind the extension's connection, as methods see it: sessions belong to it (not to
 * the shared connection), so a page can neither use nor end another's; its notifications go down
 * the connection with {@code pageOrigin} added for the extension to route. It closes with the
 * connection, or when its origin's approval is withdrawn. Thread-safe.
 */
final class PageClient implements RpcClient {

    private static final Logger LOG = LoggerFactory.getLogger(PageClient.class);

    private final RpcClient connection;
    private final String pageOrigin;
    private final String id;
    private final PageLimiter limiter;
    private final List<Runnable> closeActions = new ArrayList<>();
    private boolean closed;

    PageClient(RpcClient connection, String pageOrigin, String id, PageLimiter limiter) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.pageOrigin = Objects.requireNonNull(pageOrigin, "pageOrigin");
        this.id = Objects.requireNonNull(id, "id");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<String> origin() {
        return Optional.of(pageOrigin);
    }

    PageLimiter limiter() {
        return limiter;
    }

    @Override
    public void notify(String method, JsonNode params) {
        if (!isOpen()) {
            return;
        }
        if (params instanceof ObjectNode object) {
            ObjectNode routed = object.deepCopy();
            routed.put("pageOrigin", pageOrigin);
            connection.notify(method, routed);
        } else {
            connection.notify(method, params);
        }
    }

    @Override
    public void onClose(Runnable action) {
        Objects.requireNonNull(action, "action");
        synchronized (closeActions) {
            if (!closed) {
                closeActions.add(action);
                return;
            }
        }
        run(action);
    }

    @Override
    public boolean isOpen() {
        synchronized (closeActions) {
            return !closed && connection.isOpen();
        }
    }

    /** Ends the page: its close actions run (its sessions end), once. */
    void close() {
        List<Runnable> actions;
        synchronized (closeActions) {
            if (closed) {
                return;
            }
            closed = true;
            actions = new ArrayList<>(closeActions);
            closeActions.clear();
        }
        actions.forEach(PageClient::run);
    }

    private static void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("a page's close action failed", e);
        }
    }
}
