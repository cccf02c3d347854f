package dev.hwbridge.daemon.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A device connection that tests script, in the spirit of MockWebServer: enqueue what the device
 * answers, run the code, then take the requests it received. A script can also hang after its
 * interim replies, as a device waiting for the user does, until it is cancelled or closed.
 */
public final class ScriptedConnection implements DeviceConnection {

    private record Script(List<Response> interims, Response reply) {
    }

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Deque<Script> scripts = new ArrayDeque<>();
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final List<byte[]> pings = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final BlockingQueue<String> waiting = new LinkedBlockingQueue<>();
    private Response fallback;
    private boolean recovers;
    private boolean cancelled;
    private boolean closed;
    private int closeCount;
    /** The started exchange that waits for the user, if any. */
    private CompletableFuture<Response> hanging;
    private boolean eventDriven = true;

    /** The next exchange sends {@code interims}, then {@code reply}. */
    public synchronized ScriptedConnection enqueue(Response reply, Response... interims) {
        scripts.add(new Script(List.of(interims), reply));
        return this;
    }

    /** What exchanges with nothing enqueued answer (by default they fail with DEVICE_ERROR). */
    public synchronized ScriptedConnection otherwise(Response reply) {
        fallback = reply;
        return this;
    }

    /**
     * Runs started exchanges ({@link #callAsync}) on a thread of the device layer, as a connection
     * that is not driven by events (a Ledger's) does; by default they hold no thread.
     */
    public synchronized ScriptedConnection blocking() {
        eventDriven = false;
        return this;
    }

    /** Says it {@link #survives survives} every failure but GONE, as the protocol client's connection does. */
    public synchronized ScriptedConnection recovering() {
        recovers = true;
        return this;
    }

    @Override
    public synchronized boolean survives(DeviceException failure) {
        return recovers ? failure.error() != DeviceError.GONE : DeviceConnection.super.survives(failure);
    }

    /** The next exchange sends {@code interims} and waits for the user until cancelled or closed. */
    public synchronized ScriptedConnection enqueueHang(Response... interims) {
        scripts.add(new Script(List.of(interims), null));
        return this;
    }

    @Override
    public Response call(Request request, Consumer<Response> interim) throws DeviceException {
        Script script;
        synchronized (this) {
            if (closed) {
                throw new DeviceException(DeviceError.GONE, "closed");
            }
            requests.add(request);
            script = scripts.poll();
            if (script == null && fallback != null) {
                script = new Script(List.of(), fallback);
            }
            cancelled = false;
        }
        if (script == null) {
            throw new DeviceException(DeviceError.FAILED, "no reply scripted");
        }
        script.interims().forEach(interim);
        if (script.reply() != null) {
            return script.reply();
        }
        waiting.add("waiting");
        synchronized (this) {
            while (!cancelled && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DeviceException(DeviceError.CANCELLED, "interrupted");
                }
            }
            throw closed ? new DeviceException(DeviceError.GONE, "closed")
                    : new DeviceException(DeviceError.CANCELLED, "cancelled");
        }
    }

    /**
     * As {@link #call}, without a thread: a script that hangs returns a future that a cancel or
     * close ends.
     */
    @Override
    public CompletableFuture<Response> callAsync(Request request, Consumer<Response> interim, Executor blocking) {
        synchronized (this) {
            if (!eventDriven) {
                return DeviceConnection.super.callAsync(request, interim, blocking);
            }
        }
        Script script;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new DeviceException(DeviceError.GONE, "closed"));
            }
            requests.add(request);
            script = scripts.poll();
            if (script == null && fallback != null) {
                script = new Script(List.of(), fallback);
            }
            cancelled = false;
        }
        if (script == null) {
            return CompletableFuture.failedFuture(new DeviceException(DeviceError.FAILED, "no reply scripted"));
        }
        script.interims().forEach(interim);
        if (script.reply() != null) {
            return CompletableFuture.completedFuture(script.reply());
        }
        CompletableFuture<Response> hang = new CompletableFuture<>();
        synchronized (this) {
            hanging = hang;
        }
        waiting.add("waiting");
        return hang;
    }

    @Override
    public CompletableFuture<byte[]> pingAsync(byte[] data, Duration timeout, Executor blocking) {
        try {
            return CompletableFuture.completedFuture(ping(data, timeout));
        } catch (DeviceException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Echoes {@code data} (recorded in {@link #pings()}) unless the connection is closed. */
    @Override
    public byte[] ping(byte[] data, Duration timeout) throws DeviceException {
        synchronized (this) {
            if (closed) {
                throw new DeviceException(DeviceError.GONE, "closed");
            }
        }
        pings.add(data.clone());
        return data.clone();
    }

    @Override
    public void cancel() {
        CompletableFuture<Response> hang;
        synchronized (this) {
            cancelled = true;
            notifyAll();
            hang = hanging;
            hanging = null;
        }
        if (hang != null) {
            hang.completeExceptionally(new DeviceException(DeviceError.CANCELLED, "cancelled"));
        }
    }

    @Override
    public void close() {
        CompletableFuture<Response> hang;
        synchronized (this) {
            if (!closed) {
                closeCount++;
            }
            closed = true;
            notifyAll();
            hang = hanging;
            hanging = null;
        }
        if (hang != null) {
            hang.completeExceptionally(new DeviceException(DeviceError.GONE, "closed"));
        }
    }

    /** Waits for the next request the device received. */
    public Request takeRequest() throws InterruptedException {
        Request request = requests.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(request).as("a request within %s", WAIT).isNotNull();
        return request;
    }

    /** The next request the device received, or null if none came within a short while. */
    public Request takeRequestOrNull() throws InterruptedException {
        return requests.poll(100, TimeUnit.MILLISECONDS);
    }

    /** Waits until an exchange hangs waiting for the user. */
    public void awaitHanging() throws InterruptedException {
        assertThat(waiting.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("an exchange waiting for the user").isNotNull();
    }

    /** The data of every PING echoed so far. */
    public List<byte[]> pings() {
        return List.copyOf(pings);
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    public synchronized int closeCount() {
        return closeCount;
    }
}
