package dev.hwbridge.daemon.device;

import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * An open conversation with one device: one exchange at a time. Declared here, beside its only
 * consumer {@link Device}, so device logic is tested without framing or a transport.
 *
 * <p>{@link #call} is used by one thread at a time; {@link #cancel()} and {@link #close()} may be
 * called from any thread.
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
