package dev.hwbridge.simulator.testing;

import dev.hwbridge.protocol.client.CallOptions;
import dev.hwbridge.protocol.client.DeviceClient;
import dev.hwbridge.protocol.client.DeviceClientException;
import dev.hwbridge.protocol.framing.KeepaliveStatus;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The host side of flow tests: the reference {@link DeviceClient} (the daemon's own protocol
 * client) over {@link UdpReportPort}, so flows run through the real framing on both ends.
 */
public final class SimHost implements AutoCloseable {

    private static final Duration INIT_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than any test's user interaction, which keep-alives bridge anyway. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final DeviceClient client;

    private SimHost(DeviceClient client) {
        this.client = client;
    }

    public static SimHost connect(int devicePort) {
        try {
            return new SimHost(DeviceClient.open(new UdpReportPort(devicePort), INIT_TIMEOUT));
        } catch (IOException | DeviceClientException e) {
            throw new AssertionError("cannot open the simulator at port " + devicePort, e);
        }
    }

    public DeviceClient client() {
        return client;
    }

    /** Runs one exchange and collects its interim replies and keep-alives. */
    public Exchange call(Request request) {
        List<Response> interims = new CopyOnWriteArrayList<>();
        List<KeepaliveStatus> keepalives = new CopyOnWriteArrayList<>();
        CallOptions options = CallOptions.defaults().withIdleTimeout(IDLE_TIMEOUT).withKeepaliveListener(keepalives::add);
        try {
            Response response = client.call(request, interims::add, options);
            return new Exchange(List.copyOf(interims), response, List.copyOf(keepalives));
        } catch (DeviceClientException e) {
            throw new AssertionError("the call failed: " + e.code(), e);
        }
    }

    /** {@link #call} on another thread, for requests that wait for the screen. */
    public CompletableFuture<Exchange> callAsync(Request request) {
        return CompletableFuture.supplyAsync(() -> call(request));
    }

    /** The code a call ends with when it throws (e.g. CANCELLED after {@link #cancel()}). */
    public static DeviceClientException.Code failureOf(CompletableFuture<Exchange> call) {
        try {
            Exchange unexpected = call.join();
            throw new AssertionError("the call ended with " + unexpected.response().getBodyCase());
        } catch (CompletionException e) {
            if (e.getCause() instanceof AssertionError failed && failed.getCause() instanceof DeviceClientException cause) {
                return cause.code();
            }
            throw e;
        }
    }

    public void cancel() {
        client.cancel();
    }

    @Override
    public void close() {
        client.close();
    }
}
