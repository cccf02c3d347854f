package dev.hwbridge.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.session.SessionOwner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An {@link RpcClient} that queues every notification for tests to pop in order; it is also a
 * {@link SessionOwner}, so session tests use it as a connection.
 */
public final class RecordingClient implements RpcClient, SessionOwner {

    /** One notification sent to the client. */
    public record Notification(String method, JsonNode params) {
    }

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final String id;
    private final BlockingQueue<Notification> notifications = new LinkedBlockingQueue<>();
    private final List<Runnable> closeHooks = new ArrayList<>();
    private boolean open = true;

    public RecordingClient(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void notify(String method, JsonNode params) {
        if (isOpen()) {
            notifications.add(new Notification(method, params));
        }
    }

    @Override
    public void onClose(Runnable action) {
        synchronized (this) {
            if (open) {
                closeHooks.add(action);
                return;
            }
        }
        action.run();
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    /** Closes the connection and runs its close hooks. */
    public void close() {
        List<Runnable> hooks;
        synchronized (this) {
            open = false;
            hooks = new ArrayList<>(closeHooks);
            closeHooks.clear();
        }
        hooks.forEach(Runnable::run);
    }

    /** Waits for the next notification, checks its method and returns its params. */
    public JsonNode assertNext(String method) throws InterruptedException {
        Notification next = notifications.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(next).as("a notification %s within %s", method, WAIT).isNotNull();
        assertThat(next.method()).isEqualTo(method);
        return next.params();
    }

    /** Checks that nothing else was sent. */
    public void assertExhausted() {
        assertThat(notifications).as("no further notification").isEmpty();
    }

    /** Everything sent so far, removed from the queue. */
    public List<Notification> drain() {
        List<Notification> all = new ArrayList<>();
        notifications.drainTo(all);
        return all;
    }
}
