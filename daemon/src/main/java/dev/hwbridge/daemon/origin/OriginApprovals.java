package dev.hwbridge.daemon.origin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.server.OriginGate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's decisions on origins: the approved ones ({@link OriginStore}), the prompts waiting for
 * the user (one per origin however often it asks, so a page cannot stack prompts), and the
 * connections told of changes ({@code origin.pending}, {@code origin.changed}). Also the
 * {@link OriginGate} of the server: it lets in the hwbridge extension's fixed Chromium origin and
 * the extension origins the user approved, and lists a refused extension origin as pending.
 * Thread-safe.
 */
public final class OriginApprovals implements OriginGate {

    public static final String PENDING_NOTIFICATION = "origin.pending";
    public static final String CHANGED_NOTIFICATION = "origin.changed";
    /** Prompts at once; more requests of new origins are refused until the user answers some. */
    static final int MAX_PENDING = 32;
    /** Extension origins listed as pending: only extensions can send such an Origin, and few are installed. */
    static final int MAX_PENDING_EXTENSIONS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(OriginApprovals.class);

    /** What a waiting request learns. */
    public enum Outcome { APPROVED, REJECTED, TIMED_OUT }

    /** A prompt waiting for the user. */
    public record Pending(String origin, String appName, OriginKind kind, Instant since) {
    }

    /** A prompt and the requests waiting on it (guarded by the approvals' lock). */
    private static final class Prompt {
        final Pending pending;
        final CompletableFuture<Boolean> decision = new CompletableFuture<>();
        int waiters;

        Prompt(Pending pending) {
            this.pending = pending;
        }
    }

    private final OriginStore store;
    private final Clock clock;
    private final Map<String, Prompt> prompts = new LinkedHashMap<>();
    private final Set<RpcClient> listeners = ConcurrentHashMap.newKeySet();
    private final List<Consumer<String>> revocationListeners = new CopyOnWriteArrayList<>();
    private volatile Set<String> ownOrigins = Set.of();

    public OriginApprovals(OriginStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The daemon's own pages are {@code http://127.0.0.1:port} and its loopback aliases; known once bound. */
    public void daemonPort(int port) {
        ownOrigins = Set.of("http://127.0.0.1:" + port, "http://localhost:" + port, "http://[::1]:" + port);
    }

    /** Who {@code client} is; a page behind the extension is {@link CallerRole#PAGE_VIA_EXTENSION}. */
    public CallerRole roleOf(RpcClient client) {
        if (client instanceof PageClient) {
            return CallerRole.PAGE_VIA_EXTENSION;
        }
        Optional<String> origin = client.origin();
        if (origin.isEmpty()) {
            return CallerRole.NATIVE;
        }
        if (ownOrigins.contains(origin.get())) {
            return CallerRole.OWN_PAGE;
        }
        // It passed the server's guard, so it is the fixed id, an approved extension or --allow-origin'd.
        return ExtensionOrigins.isExtension(origin.get()) ? CallerRole.EXTENSION : CallerRole.WEB_PAGE;
    }

    public boolean approved(String origin) {
        return store.find(origin).isPresent();
    }

    @Override
    public boolean admits(String origin) {
        if (!ExtensionOrigins.isExtension(origin)) {
            return false;
        }
        if (origin.equals(ExtensionOrigins.CHROMIUM)) {
            return true;
        }
        Optional<OriginRecord> record = store.find(origin);
        if (record.isPresent()) {
            return record.get().kind() == OriginKind.EXTENSION;
        }
        listExtension(origin);
        return false;
    }

    /** A refused extension's origin, listed for the user to approve (no one waits on it). */
    private void listExtension(String origin) {
        Pending added;
        synchronized (this) {
            long extensions = prompts.values().stream().filter(p -> p.pending.kind() == OriginKind.EXTENSION).count();
            if (prompts.containsKey(origin) || extensions >= MAX_PENDING_EXTENSIONS || prompts.size() >= MAX_PENDING) {
                return;
            }
            added = new Pending(origin, "a browser extension", OriginKind.EXTENSION, clock.instant());
            prompts.put(origin, new Prompt(added));
        }
        LOG.info("an extension of origin {} was refused; the wallet page lists it for approval", origin);
        announce(PENDING_NOTIFICATION, pendingJson(added));
    }

    /**
     * Waits until the user decides on {@code origin}, at most {@code limit}; answers at once when
     * it is approved already. Several requests of one origin share one prompt; when the last of
     * them gives up (cancelled, timed out) undecided, the prompt is withdrawn.
     *
     * @return empty when too many prompts are waiting already
     * @throws InterruptedException when the caller's call is cancelled
     */
    public Optional<Outcome> request(String origin, String appName, Duration limit) throws InterruptedException {
        if (approved(origin)) {
            return Optional.of(Outcome.APPROVED);
        }
        Prompt prompt;
        Pending added = null;
        synchronized (this) {
            prompt = prompts.get(origin);
            if (prompt == null) {
                if (prompts.size() >= MAX_PENDING) {
                    return Optional.empty();
                }
                added = new Pending(origin, trim(appName), OriginKind.of(origin), clock.instant());
                prompt = new Prompt(added);
                prompts.put(origin, prompt);
            }
            prompt.waiters++;
        }
        if (added != null) {
            announce(PENDING_NOTIFICATION, pendingJson(added));
        }
        try {
            return Optional.of(prompt.decision.get(limit.toMillis(), TimeUnit.MILLISECONDS) ? Outcome.APPROVED : Outcome.REJECTED);
        } catch (TimeoutException e) {
            return Optional.of(Outcome.TIMED_OUT);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a decision is only ever completed with a value", e);
        } finally {
            leave(origin, prompt);
        }
    }

    /** A request stops waiting; the last one to leave an undecided prompt withdraws it. */
    private void leave(String origin, Prompt prompt) {
        synchronized (this) {
            prompt.waiters--;
            if (prompt.waiters > 0 || prompt.decision.isDone() || prompts.get(origin) != prompt) {
                return;
            }
            prompts.remove(origin);
        }
        announce(CHANGED_NOTIFICATION, changedJson(origin, "withdrawn"));
    }

    /**
     * The user's answer for {@code origin}: approve keeps it (in the data directory) and answers
     * its waiting requests; reject answers them and withdraws an earlier approval.
     *
     * @param appName the name to keep when no prompt names it (an origin approved before it asked)
     */
    public void decide(String origin, boolean approve, String appName) {
        Prompt prompt;
        synchronized (this) {
            prompt = prompts.remove(origin);
        }
        if (approve) {
            String name = prompt != null ? prompt.pending.appName() : trim(appName);
            store.approve(new OriginRecord(origin, name, OriginKind.of(origin), clock.instant()));
        } else if (store.revoke(origin)) {
            revoked(origin);
        }
        if (prompt != null) {
            prompt.decision.complete(approve);
        }
        LOG.info("origin {} {}", origin, approve ? "approved" : "rejected");
        announce(CHANGED_NOTIFICATION, changedJson(origin, approve ? "approved" : "rejected"));
    }

    /** Withdraws an approval; @return false when the origin was not approved. */
    public boolean revoke(String origin) {
        if (!store.revoke(origin)) {
            return false;
        }
        revoked(origin);
        LOG.info("origin {} revoked", origin);
        announce(CHANGED_NOTIFICATION, changedJson(origin, "revoked"));
        return true;
    }

    /** Approved origins. */
    public List<OriginRecord> approvedOrigins() {
        return store.list();
    }

    /** Prompts waiting, oldest first. */
    public synchronized List<Pending> pending() {
        List<Pending> list = new ArrayList<>();
        for (Prompt prompt : prompts.values()) {
            list.add(prompt.pending);
        }
        return list;
    }

    /** Sends {@code client} the notifications of new prompts and decisions, until it closes. */
    public void listen(RpcClient client) {
        if (listeners.add(client)) {
            client.onClose(() -> listeners.remove(client));
        }
    }

    /** Runs {@code listener} with the origin whenever an approval is withdrawn. */
    void onRevoked(Consumer<String> listener) {
        revocationListeners.add(listener);
    }

    private void revoked(String origin) {
        for (Consumer<String> listener : revocationListeners) {
            listener.accept(origin);
        }
    }

    private void announce(String method, ObjectNode params) {
        for (RpcClient client : listeners) {
            client.notify(method, params);
        }
    }

    /** {@code {origin, appName, kind, since}}, as origin.list and origin.pending show a prompt. */
    public static ObjectNode pendingJson(Pending pending) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("origin", pending.origin());
        node.put("appName", pending.appName());
        node.put("kind", pending.kind().wireName());
        node.put("since", pending.since().toString());
        return node;
    }

    private static ObjectNode changedJson(String origin, String state) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("origin", origin);
        node.put("state", state);
        return node;
    }

    private static String trim(String appName) {
        String name = appName == null ? "" : appName;
        return name.length() > OriginRecord.MAX_APP_NAME ? name.substring(0, OriginRecord.MAX_APP_NAME) : name;
    }
}
