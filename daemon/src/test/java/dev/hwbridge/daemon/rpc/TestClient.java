package dev.hwbridge.daemon.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** An {@link RpcClient} that records what methods send it. */
final class TestClient implements RpcClient {

    record Notification(String method, JsonNode params) {
    }

    final BlockingQueue<Notification> notifications = new LinkedBlockingQueue<>();
    private final List<Runnable> closeActions = new ArrayList<>();

    @Override
    public String id() {
        return "t1";
    }

    @Override
    public void notify(String method, JsonNode params) {
        notifications.add(new Notification(method, params));
    }

    @Override
    public synchronized void onClose(Runnable action) {
        closeActions.add(action);
    }

    @Override
    public boolean isOpen() {
        return true;
    }
}
