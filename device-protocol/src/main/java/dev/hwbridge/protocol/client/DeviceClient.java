package dev.hwbridge.protocol.client;

import dev.hwbridge.protocol.client.DeviceClientException.Code;
import dev.hwbridge.protocol.framing.FrameError;
import dev.hwbridge.protocol.framing.HidFraming;
import dev.hwbridge.protocol.message.MessageIds;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The host end of the device protocol over any {@link ReportPort}: allocates a channel with INIT,
 * then runs one exchange at a time. Thread-safe: {@link #cancel()} and {@link #close()} may be
 * called from any thread while a call is pending; a second concurrent call fails with BUSY.
 *
 * <p>This is the blocking face of {@link AsyncDeviceClient}, which does the work: a call starts
 * there and the calling thread waits for its future. The client owns two threads while open: the
 * {@link ReaderThreadLink}'s reader and the executor everything runs on; interim replies and
 * KEEPALIVE statuses are handed over on the latter.
 *
 * <p>How a call ends:
 * <ul>
 *   <li>the device's final Response is returned, {@code Failure} included (the caller matches its
 *       code); interim Responses go to the {@code interim} consumer;</li>
 *   <li>after {@link #cancel()}: the device's {@code Failure{CANCELLED}} is thrown as CANCELLED; so
 *       is the device's silence once {@link CallOptions#cancelGrace()} has passed; a final reply
 *       other than that failure, sent before the device saw the CANCEL, is still returned;</li>
 *   <li>an ERROR frame: DEVICE_ERROR with its {@link FrameError}; the channel stays usable.
 *       INVALID_CHANNEL (the device forgot the channel) is handled once by allocating a fresh
 *       channel and sending the request again;</li>
 *   <li>silence for the idle timeout or the deadline passing: TIMEOUT; the client sends a CANCEL;</li>
 *   <li>the calling thread interrupted: INTERRUPTED, the client sends a CANCEL and sets the
 *       thread's interrupt status again;</li>
 *   <li>a port failure: DEVICE_GONE, and every later call fails the same way.</li>
 * </ul>
 * Late frames of an ended exchange may still arrive: after a TIMEOUT, INTERRUPTED, PROTOCOL_ERROR,
 * an unconfirmed cancel or an exception from a listener, and on a lossy link (UDP) even after a
 * normal reply, since a duplicated one-report reply cannot be told from a new one by the framing.
 * A device that announces message ids ({@link MessageIds#CAPABILITY}) keeps its channel for every
 * call that ended normally, as CTAPHID hosts do: each request carries a fresh {@code message_id},
 * and a Response with another id (or a frame of the other command) is a leftover and dropped, so
 * a minimal call is one request report and one reply report. After an abandoned exchange or an
 * ERROR frame (which carries no id) the next call first runs INIT on that same channel, which
 * clears what the device held there while the ids keep late copies recognisable. A device
 * without message ids gets INIT on the broadcast channel before every call and a fresh channel,
 * whose reader drops everything sent on the old one.
 */
public final class DeviceClient implements AutoCloseable {

    /** How long close() waits for the client to send its CANCEL and close the port. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final AsyncDeviceClient client;
    private final ScheduledExecutorService executor;

    private DeviceClient(AsyncDeviceClient client, ScheduledExecutorService executor) {
        this.client = client;
        this.executor = executor;
    }

    /**
     * Allocates a channel: INIT on the broadcast channel with a random 8-byte nonce; replies that
     * echo another nonce (another host's) are ignored. The client owns the port from here on:
     * {@link #close()} closes it, and so does a failed open.
     *
     * @param initTimeout how long to wait for the INIT reply, now and whenever the client later
     *                    needs a fresh channel
     * @throws DeviceClientException TIMEOUT, DEVICE_GONE, INTERRUPTED, DEVICE_ERROR, or
     *                               PROTOCOL_ERROR (an INIT reply of the wrong size or allocating an invalid channel)
     */
    public static DeviceClient open(ReportPort port, Duration initTimeout) throws DeviceClientException {
        return open(port, initTimeout, new SecureRandom());
    }

    static DeviceClient open(ReportPort port, Duration initTimeout, SecureRandom random) throws DeviceClientException {
        Objects.requireNonNull(port, "port");
        CallOptions.requirePositive(initTimeout, "initTimeout");
        Objects.requireNonNull(random, "random");
        if (Thread.currentThread().isInterrupted()) {
            port.close();
            throw new DeviceClientException(Code.INTERRUPTED, "the calling thread is interrupted; nothing was sent");
        }
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "hwbridge-device-client");
            thread.setDaemon(true);
            return thread;
        });
        // Every call sets a timer and most end before it: do not keep the cancelled ones queued.
        executor.setRemoveOnCancelPolicy(true);
        CompletableFuture<AsyncDeviceClient> opening = AsyncDeviceClient.open(
                new ReaderThreadLink(port, "hwbridge-device-reader"), executor, initTimeout, random);
        try {
            // An interrupt closes the port, which ends the INIT (and the open) at once.
            return new DeviceClient(await(opening, port::close), executor);
        } catch (DeviceClientException | RuntimeException | Error e) {
            port.close();
            executor.shutdown();
            throw e;
        }
    }

    /** The channel and versions from the latest INIT reply (the channel changes when the client had to move, see the class comment). */
    public DeviceInfo deviceInfo() {
        return client.deviceInfo();
    }

    /** The event-driven client behind this one, for callers that would rather not wait. */
    public AsyncDeviceClient async() {
        return client;
    }

    /** {@link #call(Request, Consumer, CallOptions)} ignoring interim replies, with default options. */
    public Response call(Request request) throws DeviceClientException {
        return call(request, response -> { }, CallOptions.defaults());
    }

    /** {@link #call(Request, Consumer, CallOptions)} with default options. */
    public Response call(Request request, Consumer<Response> interim) throws DeviceClientException {
        return call(request, interim, CallOptions.defaults());
    }

    /**
     * Runs one exchange: sends {@code request} in a MSG frame and waits for the final Response
     * (see the class comment for every way it can end).
     *
     * @param interim told each ButtonRequest, Progress and InputRequest, in order, on the client's executor
     * @return the final Response: Features, PublicKey, Signature, EncryptedJson, Success or Failure
     * @throws DeviceClientException with any {@link Code}; INVALID_REQUEST and BUSY before anything is sent
     */
    public Response call(Request request, Consumer<Response> interim, CallOptions options) throws DeviceClientException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(interim, "interim");
        Objects.requireNonNull(options, "options");
        checkNotInterrupted();
        CompletableFuture<Response> call = client.call(request, interim, options);
        return await(call, () -> client.abandon(call, interrupted()));
    }

    /** {@link #ping(byte[], Duration)} with the default idle timeout. */
    public byte[] ping(byte[] data) throws DeviceClientException {
        return ping(data, CallOptions.DEFAULT_IDLE_TIMEOUT);
    }

    /**
     * Sends a PING and returns the device's echo.
     *
     * @param data    0..7609 bytes
     * @param timeout how long to wait for the echo
     * @throws DeviceClientException INVALID_REQUEST for more than 7609 bytes; PROTOCOL_ERROR if the
     *                               echo differs; otherwise as {@link #call(Request, Consumer, CallOptions)}
     */
    public byte[] ping(byte[] data, Duration timeout) throws DeviceClientException {
        Objects.requireNonNull(data, "data");
        CallOptions.requirePositive(timeout, "timeout");
        if (data.length > HidFraming.MAX_MESSAGE_SIZE) {
            throw new DeviceClientException(Code.INVALID_REQUEST,
                    "a PING carries at most " + HidFraming.MAX_MESSAGE_SIZE + " bytes, got " + data.length);
        }
        checkNotInterrupted();
        CompletableFuture<byte[]> ping = client.ping(data, timeout);
        return await(ping, () -> client.abandon(ping, interrupted()));
    }

    /**
     * Cancels the call in progress, if any; does nothing otherwise. Sends a CANCEL frame on the
     * call's channel, after the request if that is being written (never in the middle of it); a
     * call whose request was not sent yet ends with CANCELLED without sending it. Returns at once;
     * never throws: a port failure here shows up in the pending call.
     */
    public void cancel() {
        client.cancel();
    }

    /** Cancels a pending call, then closes the port; the pending call ends with DEVICE_GONE. Idempotent. */
    @Override
    public void close() {
        if (executor.isShutdown()) {
            return;
        }
        try {
            client.close().get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The client could not close in time (its executor is stuck or gone): the port is
            // closed below all the same.
        } finally {
            executor.shutdown();
        }
    }

    /** Checked before starting: an interrupted caller sends nothing. */
    private static void checkNotInterrupted() throws DeviceClientException {
        if (Thread.currentThread().isInterrupted()) {
            throw new DeviceClientException(Code.INTERRUPTED, "the calling thread is interrupted; nothing was sent");
        }
    }

    private static DeviceClientException interrupted() {
        return new DeviceClientException(Code.INTERRUPTED, "interrupted while waiting for the device");
    }

    /**
     * Waits for {@code operation}; when the waiting thread is interrupted, runs {@code onInterrupt}
     * (which ends the operation, sending CANCEL if the device was at work on it), waits for that
     * end and sets the interrupt status again.
     */
    private static <T> T await(CompletableFuture<T> operation, Runnable onInterrupt) throws DeviceClientException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return operation.get();
                } catch (InterruptedException e) {
                    if (!interrupted) {
                        interrupted = true;
                        onInterrupt.run();
                    }
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (interrupted) {
                        throw new DeviceClientException(Code.INTERRUPTED, "interrupted while waiting for the device", cause);
                    }
                    throw rethrown(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static DeviceClientException rethrown(Throwable cause) {
        if (cause instanceof DeviceClientException e) {
            return e;
        }
        if (cause instanceof RuntimeException e) {
            throw e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new DeviceClientException(Code.PROTOCOL_ERROR, "the client failed: " + cause, cause);
    }
}
