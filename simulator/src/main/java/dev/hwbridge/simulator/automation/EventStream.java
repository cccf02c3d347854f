package dev.hwbridge.simulator.automation;

import com.sun.net.httpserver.HttpExchange;
import dev.hwbridge.simulator.screen.Screen;
import dev.hwbridge.simulator.screen.ScreenListener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /events}: a server-sent event {@code data: <screen json>} on every screen change,
 * the current screen first. Thread-safe.
 *
 * <p>The screen calls {@link #onScreen} with its lock held, so this only queues; each client's
 * own HTTP thread writes. A client too slow to keep up (its queue full) or gone (a write fails;
 * heartbeat comments find idle ones) is dropped quietly: EventSource reconnects by itself.
 */
final class EventStream implements ScreenListener, AutoCloseable {

    static final int MAX_CLIENTS = 16;
    private static final int QUEUE_CAPACITY = 256;
    private static final byte[] HELLO = "retry: 1000\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = new byte[0];

    private final Duration heartbeat;
    private final Set<BlockingQueue<byte[]>> clients = new HashSet<>();
    private byte[] latest;
    private boolean closed;

    EventStream(Duration heartbeat) {
        this.heartbeat = heartbeat;
    }

    @Override
    public void onScreen(Screen screen) {
        byte[] event = event(screen);
        synchronized (this) {
            latest = event;
            for (BlockingQueue<byte[]> queue : clients) {
                if (!queue.offer(event)) {
                    queue.clear();
                    queue.offer(END);
                }
            }
        }
    }

    /** Streams events to one client until it goes away or the server closes. */
    void serve(HttpExchange exchange) throws IOException {
        BlockingQueue<byte[]> queue = register();
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            write(out, HELLO);
            while (true) {
                byte[] next = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (next == END) {
                    return;
                }
                write(out, next == null ? HEARTBEAT : next);
            }
        } catch (InterruptedException e) {
            // The server is shutting down its threads.
            Thread.currentThread().interrupt();
        } finally {
            unregister(queue);
        }
    }

    /** How many clients are streaming now. */
    synchronized int clientCount() {
        return clients.size();
    }

    /** Ends every stream. */
    @Override
    public synchronized void close() {
        closed = true;
        for (BlockingQueue<byte[]> queue : clients) {
            queue.clear();
            queue.offer(END);
        }
    }

    private synchronized BlockingQueue<byte[]> register() {
        if (closed) {
            throw new ApiException(ApiError.TOO_MANY_CLIENTS, "the server is closing");
        }
        if (clients.size() >= MAX_CLIENTS) {
            throw new ApiException(ApiError.TOO_MANY_CLIENTS, "at most " + MAX_CLIENTS + " event streams");
        }
        BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
        if (latest != null) {
            queue.offer(latest);
        }
        clients.add(queue);
        return queue;
    }

    private synchronized void unregister(BlockingQueue<byte[]> queue) {
        clients.remove(queue);
    }

    private static void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    private static byte[] event(Screen screen) {
        byte[] json = Bodies.screen(screen);
        byte[] prefix = "data: ".getBytes(StandardCharsets.US_ASCII);
        byte[] event = new byte[prefix.length + json.length + 2];
        System.arraycopy(prefix, 0, event, 0, prefix.length);
        System.arraycopy(json, 0, event, prefix.length, json.length);
        event[event.length - 2] = '\n';
        event[event.length - 1] = '\n';
        return event;
    }
}
