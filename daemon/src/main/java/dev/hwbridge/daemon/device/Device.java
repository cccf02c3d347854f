package dev.hwbridge.daemon.device;

import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.ledger.LedgerUsb;
import dev.hwbridge.protocol.message.Features;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One attached device. It opens its connection on first use and runs one call at a time, in
 * arrival order: the protocol has one exchange per device, and a second MSG would only earn a
 * CHANNEL_BUSY error. Work that uses the device is {@link #submit submitted} to its queue, where it
 * waits without a thread; work that is {@link #submitStarted started} rather than run (its
 * exchanges through {@link #callAsync} and {@link #pingAsync}) holds no thread while the device
 * works either, only a connection that is not driven by events (a Ledger's) borrows one for the
 * exchange. {@link #call} and {@link #ping} also serialise direct callers. A call
 * that fails in a way its connection does not {@link DeviceConnection#survives survive} drops the
 * connection, so the next call opens a new one.
 *
 * <p>Thread-safe.
 */
public final class Device {

    /** A device echoes a PING at once, whatever it is doing (PROTOCOL.md §4); leave room for a busy machine. */
    static final Duration PING_TIMEOUT = Duration.ofSeconds(2);
    /** Calls that may wait for one device; each connection adds at most its calls in flight. */
    public static final int MAX_QUEUED_CALLS = 1024;

    private final String id;
    private final DeviceDescriptor descriptor;
    private final DeviceOpener opener;
    /** First come first served, so queued calls run in the order they came; held across an exchange. */
    private final Turnstile turn = new Turnstile();
    /** Runs what blocks: opening a connection, the exchanges of a connection not driven by events. */
    private final Executor threads;
    private final Object state = new Object();
    private final CallQueue queue;

    // Guarded by state.
    private DeviceConnection connection;
    private boolean calling;
    private boolean gone;

    private volatile Features lastFeatures;

    /** A device whose queued calls each get a thread of their own (tests). */
    public Device(String id, DeviceDescriptor descriptor, DeviceOpener opener) {
        this(id, descriptor, opener, task -> {
            Thread thread = new Thread(task, "hwbridge-device-" + id);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** @param threads runs the device's queue while it holds calls, one thread at a time */
    public Device(String id, DeviceDescriptor descriptor, DeviceOpener opener, Executor threads) {
        this.id = Objects.requireNonNull(id, "id");
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.queue = new CallQueue(MAX_QUEUED_CALLS, threads);
    }

    /**
     * Queues {@code work}, which uses this device (through {@link #call}, possibly several times),
     * behind the work already queued; it runs when that is done, on a thread of the device's own.
     * Cancelling the future takes the work out of the queue, or interrupts it while it runs.
     *
     * @throws DeviceException QUEUE_FULL when {@link #MAX_QUEUED_CALLS} are waiting, GONE when the
     *                         device is gone
     */
    public <T> CompletableFuture<T> submit(Callable<T> work) throws DeviceException {
        if (isGone()) {
            throw DeviceException.gone(id);
        }
        return queue.submit(work, id);
    }

    /**
     * Queues work that starts without blocking (it uses this device through {@link #callAsync}
     * or {@link #pingAsync}) and is over when its future completes; it holds no thread meanwhile.
     * It starts on the thread that ended the work before it, or on this caller's. Cancelling the
     * future takes the work out of the queue, or cancels the device's exchange while it runs.
     *
     * @throws DeviceException QUEUE_FULL when {@link #MAX_QUEUED_CALLS} are waiting, GONE when the
     *                         device is gone
     */
    public <T> CompletableFuture<T> submitStarted(Supplier<CompletableFuture<T>> work) throws DeviceException {
        if (isGone()) {
            throw DeviceException.gone(id);
        }
        return queue.submitStarted(work, this::cancel, id);
    }

    /**
     * Queues work whose first part blocks (it runs on a thread of the device's own, and may use
     * the device through {@link #call}) and returns the future of its last part (an exchange
     * through {@link #callAsync}), which holds no thread: e.g. signing, whose preparation reads
     * the registry and metadata and whose last exchange waits for the user. Cancelling the
     * future takes the work out of the queue, interrupts its first part, or cancels the device's
     * exchange.
     *
     * @throws DeviceException QUEUE_FULL when {@link #MAX_QUEUED_CALLS} are waiting, GONE when the
     *                         device is gone
     */
    public <T> CompletableFuture<T> submitPrepared(Callable<CompletableFuture<T>> work) throws DeviceException {
        if (isGone()) {
            throw DeviceException.gone(id);
        }
        return queue.submitPrepared(work, this::cancel, id);
    }

    /** Calls waiting in the queue (not the running one). */
    public int queued() {
        return queue.waiting();
    }

    public String id() {
        return id;
    }

    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    /** For {@code device.list}: label, model, schemes (and a Ledger's app version) from the last Features the device sent. */
    public DeviceInfo info() {
        Features features = lastFeatures;
        String model = features != null && !features.getModel().isEmpty() ? features.getModel() : descriptor.product();
        String label = features != null ? features.getLabel() : null;
        boolean ledger = LedgerUsb.isLedger(descriptor);
        String appVersion = ledger && features != null ? features.getFirmwareVersion() : null;
        // A Ledger's secp256k1 keys are Ethereum-style: API.md's scheme "ethereum", not "ecdsa".
        List<String> schemes = features == null ? List.of() : features.getSchemesList().stream()
                .map(scheme -> ledger && scheme == KeyScheme.ECDSA ? "ethereum" : schemeName(scheme))
                .filter(Objects::nonNull).toList();
        return new DeviceInfo(id, descriptor.transport(), label, model, ledger ? DeviceInfo.LEDGER : DeviceInfo.HWBRIDGE,
                appVersion, schemes);
    }

    /** The API's name of a scheme; null for one this daemon does not know. */
    private static String schemeName(KeyScheme scheme) {
        return switch (scheme) {
            case SR25519 -> "sr25519";
            case ED25519 -> "ed25519";
            case ECDSA -> "ecdsa";
            default -> null;
        };
    }

    public boolean isGone() {
        synchronized (state) {
            return gone;
        }
    }

    /**
     * Runs one exchange once the calls before it are done.
     *
     * @param stillWanted checked once this call's turn has come; false ends it with NOT_WANTED
     *                    (its session ended while it waited)
     * @return the final reply, possibly a {@code Failure}
     * @throws DeviceException GONE, CANCELLED (also when the waiting thread is interrupted),
     *                         NOT_WANTED, or whatever the connection reports
     */
    public Response call(Request request, Consumer<Response> interim, BooleanSupplier stillWanted)
            throws DeviceException {
        Response reply = exchange(stillWanted, open -> open.call(request, interim));
        remember(reply);
        return reply;
    }

    /**
     * As {@link #call}, started: the future completes with the final reply or fails with a
     * {@link DeviceException}, and no thread waits for the device meanwhile.
     *
     * @param interim told each interim reply, on the thread that heard it (a device event loop)
     */
    public CompletableFuture<Response> callAsync(Request request, Consumer<Response> interim,
                                                 BooleanSupplier stillWanted) {
        return exchangeAsync(stillWanted, open -> open.callAsync(request, interim, threads))
                .whenComplete((reply, failure) -> {
                    if (failure == null) {
                        remember(reply);
                    }
                });
    }

    private void remember(Response reply) {
        if (reply.getBodyCase() == Response.BodyCase.FEATURES) {
            lastFeatures = reply.getFeatures();
        }
    }

    /**
     * Sends a PING once the calls before it are done and returns the device's echo. Needs no
     * session: it reads nothing from and changes nothing on the device.
     *
     * @throws DeviceException GONE, CANCELLED, TIMEOUT, or whatever the connection reports
     */
    public byte[] ping(byte[] data) throws DeviceException {
        return exchange(() -> true, open -> open.ping(data, PING_TIMEOUT));
    }

    /** As {@link #ping}, started: the future completes with the echo or fails with a {@link DeviceException}. */
    public CompletableFuture<byte[]> pingAsync(byte[] data) {
        return exchangeAsync(() -> true, open -> open.pingAsync(data, PING_TIMEOUT, threads));
    }

    /** One exchange on the open connection. */
    private interface Exchange<T> {
        T run(DeviceConnection open) throws DeviceException;
    }

    private <T> T exchange(BooleanSupplier stillWanted, Exchange<T> exchange) throws DeviceException {
        CompletableFuture<Void> myTurn = turn.enter();
        try {
            myTurn.get();
        } catch (InterruptedException e) {
            if (!myTurn.cancel(false)) {
                turn.leave();
            }
            Thread.currentThread().interrupt();
            throw new DeviceException(DeviceError.CANCELLED, "the call was cancelled while it waited for the device");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a turn never fails", e);
        }
        try {
            DeviceConnection open = begin(stillWanted);
            try {
                return exchange.run(open);
            } catch (DeviceException e) {
                if (!open.survives(e)) {
                    drop(open);
                }
                throw e;
            } finally {
                synchronized (state) {
                    calling = false;
                }
            }
        } finally {
            turn.leave();
        }
    }

    private <T> CompletableFuture<T> exchangeAsync(BooleanSupplier stillWanted,
                                                   Function<DeviceConnection, CompletableFuture<T>> exchange) {
        CompletableFuture<T> result = new CompletableFuture<>();
        turn.enter().thenRun(() -> beginAsync(stillWanted).whenComplete((open, refused) -> {
            if (refused != null) {
                turn.leave();
                result.completeExceptionally(Futures.cause(refused));
                return;
            }
            CompletableFuture<T> started;
            try {
                started = exchange.apply(open);
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            started.whenComplete((value, failure) -> {
                Throwable cause = failure == null ? null : Futures.cause(failure);
                if (cause instanceof DeviceException e && !open.survives(e)) {
                    drop(open);
                }
                synchronized (state) {
                    calling = false;
                }
                turn.leave();
                if (cause == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(cause);
                }
            });
        }));
        return result;
    }

    /**
     * Cancels the call in progress, if any (it then fails with CANCELLED). A call still waiting
     * for its turn is not affected; its {@code stillWanted} check stops it.
     *
     * <p>Hazard: a cancel that lands after a call passed its {@code stillWanted} check but before
     * the protocol client registered the exchange is a no-op there, so that one request still
     * reaches the device; the user sees it on the screen and can reject it. Closing the window
     * would need the client to accept a cancel ahead of its call.
     */
    public void cancel() {
        synchronized (state) {
            if (calling && connection != null) {
                connection.cancel();
            }
        }
    }

    /**
     * The device was unplugged: closes the connection, which fails the call in progress with
     * DEVICE_GONE; later calls fail at once.
     */
    void detach() {
        DeviceConnection open;
        synchronized (state) {
            gone = true;
            open = connection;
            connection = null;
        }
        if (open != null) {
            open.close();
        }
    }

    /** Called holding the turn: makes sure a connection is open and marks the call running. */
    private DeviceConnection begin(BooleanSupplier stillWanted) throws DeviceException {
        DeviceConnection open;
        synchronized (state) {
            checkUsable(stillWanted);
            open = connection;
        }
        if (open == null) {
            // Opened outside the state lock: INIT can take a while, and cancel() must not wait for it.
            open = opener.open();
            synchronized (state) {
                if (gone) {
                    open.close();
                    throw DeviceException.gone(id);
                }
                connection = open;
            }
        }
        synchronized (state) {
            checkUsable(stillWanted);
            calling = true;
            return connection;
        }
    }

    /**
     * As {@link #begin}, holding the turn: a connection still to be opened is opened on a thread
     * of {@code threads} (INIT blocks), an open one is used at once.
     */
    private CompletableFuture<DeviceConnection> beginAsync(BooleanSupplier stillWanted) {
        synchronized (state) {
            try {
                checkUsable(stillWanted);
            } catch (DeviceException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (connection != null) {
                calling = true;
                return CompletableFuture.completedFuture(connection);
            }
        }
        CompletableFuture<DeviceConnection> opened = new CompletableFuture<>();
        try {
            threads.execute(() -> {
                try {
                    opened.complete(begin(stillWanted));
                } catch (DeviceException | RuntimeException e) {
                    opened.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            opened.completeExceptionally(new DeviceException(DeviceError.GONE, "device " + id + " is closing", e));
        }
        return opened;
    }

    private void checkUsable(BooleanSupplier stillWanted) throws DeviceException {
        if (gone) {
            throw DeviceException.gone(id);
        }
        if (!stillWanted.getAsBoolean()) {
            throw new DeviceException(DeviceError.NOT_WANTED, "the session ended before the device was free");
        }
    }

    private void drop(DeviceConnection broken) {
        synchronized (state) {
            if (connection == broken) {
                connection = null;
            }
        }
        broken.close();
    }

    @Override
    public String toString() {
        return "Device[" + id + ", " + descriptor.transport() + "]";
    }
}
