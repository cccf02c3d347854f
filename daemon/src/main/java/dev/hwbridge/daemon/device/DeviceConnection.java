package dev.hwbridge.daemon.device;

import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * An open conversation with one device: one exchange at a time. Declared here, beside its only
 * consumer {@link Device}, so device logic is tested without framing or a transport.
 *
 * <p>One exchange at a time, blocking ({@link #call}) or started ({@link #callAsync}); {@link
 * #cancel()} and {@link #close()} may be called from any thread.
 */
public interface DeviceConnection extends AutoCloseable {

    /**
     * Runs one exchange: sends {@code request}, hands each interim reply to {@code interim} and
     * returns the final reply, which may be a {@code Failure}.
     *
     * @throws DeviceException GONE, TIMEOUT, CANCELLED, FAILED, MALFORMED_REPLY, …
     */
    Response call(Request request, Consumer<Response> interim) throws DeviceException;

    /**
     * Sends a PING and returns the device's echo, which is checked to be {@code data}.
     *
     * @throws DeviceException GONE, TIMEOUT, CANCELLED, FAILED, MALFORMED_REPLY, …
     */
    byte[] ping(byte[] data, Duration timeout) throws DeviceException;

    /**
     * Starts one exchange as {@link #call} runs it; the future completes with the final reply or
     * fails with a {@link DeviceException}. A connection driven by events overrides this so that
     * the exchange holds no thread; by default {@link #call} runs on a thread of {@code blocking}.
     *
     * @param interim told each interim reply, on whichever thread hears it
     */
    default CompletableFuture<Response> callAsync(Request request, Consumer<Response> interim, Executor blocking) {
        return onThread(blocking, () -> call(request, interim));
    }

    /** Starts a PING as {@link #ping} sends it; by default on a thread of {@code blocking}. */
    default CompletableFuture<byte[]> pingAsync(byte[] data, Duration timeout, Executor blocking) {
        return onThread(blocking, () -> ping(data, timeout));
    }

    /** Blocking work of a connection that is not driven by events. */
    interface Blocking<T> {
        T run() throws DeviceException;
    }

    private static <T> CompletableFuture<T> onThread(Executor blocking, Blocking<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            blocking.execute(() -> {
                try {
                    result.complete(work.run());
                } catch (DeviceException | RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new DeviceException(DeviceError.GONE, "the device layer is closing", e));
        }
        return result;
    }

    /**
     * Whether this connection is still good for the next call after one failed with {@code failure};
     * otherwise the device drops it and the next call opens a new one. By default only a
     * cancelled call leaves the conversation in a known state.
     */
    default boolean survives(DeviceException failure) {
        return failure.error() == DeviceError.CANCELLED;
    }

    /** Asks the device to end the pending exchange (which then fails with CANCELLED); no-op when idle. */
    void cancel();

    /** Idempotent; wakes a pending {@link #call}, which then fails with DEVICE_GONE. */
    @Override
    void close();
}
