package dev.hwbridge.daemon.device;

import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.protocol.client.AsyncDeviceClient;
import dev.hwbridge.protocol.client.CallOptions;
import dev.hwbridge.protocol.client.DeviceClientException;
import dev.hwbridge.protocol.client.PartedCalls;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;

/**
 * Connects through the event-driven protocol client, the transport's channel being its link
 * ({@link DeviceChannel#link()}): INIT once, then one exchange at a time (on the same channel for
 * a device with message ids). Every device's client runs on the one executor given here, so a
 * call waiting for its device holds no thread. Calls have no deadline (the user may take their
 * time on the device); the device's keep-alives hold off the client's idle timeout while it waits.
 */
public final class ClientConnector implements Connector {

    /** PROTOCOL.md: a device answers INIT within 500 ms; leave room for a busy machine. */
    static final Duration INIT_TIMEOUT = Duration.ofSeconds(2);

    private final ScheduledExecutorService loop;

    /** Clients on one daemon thread of this connector's own (tests, benches). */
    public ClientConnector() {
        this(ownLoop());
    }

    /** @param loop runs every device client's events and timers; must never block (a Netty event loop suits) */
    public ClientConnector(ScheduledExecutorService loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    private static ScheduledExecutorService ownLoop() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "hwbridge-device-loop");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** Blocks while the device answers INIT (at most {@link #INIT_TIMEOUT}). */
    @Override
    public DeviceConnection connect(DeviceChannel channel) throws DeviceException {
        CompletableFuture<AsyncDeviceClient> opening = AsyncDeviceClient.open(channel.link(), loop, INIT_TIMEOUT);
        try {
            return new ClientConnection(opening.get());
        } catch (InterruptedException e) {
            opening.thenAccept(AsyncDeviceClient::close);
            channel.close();
            Thread.currentThread().interrupt();
            throw new DeviceException(DeviceError.CANCELLED, "interrupted while the device was opened");
        } catch (ExecutionException e) {
            throw failure(e);
        }
    }

    private static DeviceException failure(Throwable failure) {
        Throwable cause = Futures.cause(failure);
        if (cause instanceof DeviceClientException e) {
            return DeviceFailures.of(e);
        }
        if (cause instanceof DeviceException e) {
            return e;
        }
        if (cause instanceof RuntimeException e) {
            throw e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new DeviceException(DeviceError.FAILED, "the protocol client failed: " + cause, cause);
    }

    /** One open {@link AsyncDeviceClient}. */
    private record ClientConnection(AsyncDeviceClient client) implements DeviceConnection {

        @Override
        public Response call(Request request, Consumer<Response> interim) throws DeviceException {
            return await(callAsync(request, interim, Runnable::run));
        }

        @Override
        public byte[] ping(byte[] data, Duration timeout) throws DeviceException {
            return await(pingAsync(data, timeout, Runnable::run));
        }

        /** Needs no thread: the protocol client is driven by the device's reports. */
        @Override
        public CompletableFuture<Response> callAsync(Request request, Consumer<Response> interim, Executor blocking) {
            if (!PartedCalls.fits(request, client.deviceInfo().capabilities())) {
                return CompletableFuture.failedFuture(new DeviceException(DeviceError.TOO_LARGE,
                        "the request does not fit one message of this device, which does not take messages in parts"));
            }
            return mapped(PartedCalls.call(client, request, interim, CallOptions.defaults()));
        }

        @Override
        public CompletableFuture<byte[]> pingAsync(byte[] data, Duration timeout, Executor blocking) {
            return mapped(client.ping(data, timeout));
        }

        /**
         * The protocol client recovers from every failed exchange on its own (INIT on its channel
         * before the next call, PROTOCOL.md §4.1); a new connection would move to a new channel,
         * which a report half-received on the old one holds off with CHANNEL_BUSY for 3 s.
         */
        @Override
        public boolean survives(DeviceException failure) {
            return failure.error() != DeviceError.GONE;
        }

        @Override
        public void cancel() {
            client.cancel();
        }

        @Override
        public void close() {
            client.close();
        }

        /** Waits for a started exchange; an interrupt cancels it (CANCEL to the device) and ends the wait as CANCELLED. */
        private <T> T await(CompletableFuture<T> exchange) throws DeviceException {
            try {
                return exchange.get();
            } catch (InterruptedException e) {
                client.abandon(new DeviceClientException(DeviceClientException.Code.INTERRUPTED,
                        "interrupted while waiting for the device"));
                Thread.currentThread().interrupt();
                throw new DeviceException(DeviceError.CANCELLED, "the call was cancelled while the device worked on it");
            } catch (ExecutionException e) {
                throw failure(e);
            }
        }

        private static <T> CompletableFuture<T> mapped(CompletableFuture<T> exchange) {
            CompletableFuture<T> result = new CompletableFuture<>();
            exchange.whenComplete((value, failure) -> {
                if (failure == null) {
                    result.complete(value);
                } else {
                    try {
                        result.completeExceptionally(failure(failure));
                    } catch (RuntimeException | Error e) {
                        result.completeExceptionally(e);
                    }
                }
            });
            return result;
        }
    }
}
