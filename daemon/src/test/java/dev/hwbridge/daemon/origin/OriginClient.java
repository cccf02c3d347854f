package dev.hwbridge.daemon.origin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.rpc.RpcClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A connection with a given Origin (or none) that records its notifications and can be closed. */
final class OriginClient implements RpcClient {

    record Notification(String method, JsonNode params) {
    }

    final BlockingQueue<Notification> notifications = new LinkedBlockingQueue<>();
    private final String id;
    private final String origin;
    private final List<Runnable> closeActions = new ArrayList<>();
    private boolean open = true;

    OriginClient(String id, String origin) {
        this.id = id;
        this.origin = origin;
    }

    static OriginClient extension() {
        return new OriginClient("ext", ExtensionOrigins.CHROMIUM);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }

    @Override
    public void notify(String method, JsonNode params) {
        notifications.add(new Notification(method, params));
    }

    @Override
    public synchronized void onClose(Runnable action) {
        if (open) {
            closeActions.add(action);
        } else {
            action.run();
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    void close() {
        List<Runnable> actions;
        synchronized (this) {
            open = false;
            actions = List.copyOf(closeActions);
        }
        actions.forEach(Runnable::run);
    }
}
