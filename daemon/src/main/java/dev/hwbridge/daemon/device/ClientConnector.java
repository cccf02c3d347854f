package dev.hwbridge.daemon.device;

import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.protocol.client.CallOptions;
import dev.hwbridge.protocol.client.DeviceClient;
import dev.hwbridge.protocol.client.DeviceClientException;
import dev.hwbridge.protocol.client.PartedCalls;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Connects through the protocol client, the transport's channel being its port: INIT once, then
 * one {@link DeviceClient} call per exchange (on the same channel for a device with message ids). Calls have no deadline (the user may take their time on the device); the device's
 * keep-alives hold off the client's idle timeout while it waits.
 */
public final class ClientConnector implements Connector {

    /** PROTOCOL.md: a device answers INIT within 500 ms; leave room for a busy machine. */
    static final Duration INIT_TIMEOUT = Duration.ofSeconds(2);

    @Override
    public DeviceConnection connect(DeviceChannel channel) throws DeviceException {
        try {
            return new ClientConnection(DeviceClient.open(channel, INIT_TIMEOUT));
        } catch (DeviceClientException e) {
            throw DeviceFailures.of(e);
        }
    }

    /** One open {@link DeviceClient}. */
    private record ClientConnection(DeviceClient client) implements DeviceConnection {

        @Override
        public Response call(Request request, Consumer<Response> interim) throws DeviceException {
            try {
                if (!PartedCalls.fits(request, client.deviceInfo().capabilities())) {
                    throw new DeviceException(DeviceError.TOO_LARGE, "the request does not fit one message of this"
                            + " device, which does not take messages in parts");
                }
                return PartedCalls.call(client, request, interim, CallOptions.defaults());
            } catch (DeviceClientException e) {
                throw DeviceFailures.of(e);
            }
        }

        @Override
        public byte[] ping(byte[] data, Duration timeout) throws DeviceException {
            try {
                return client.ping(data, timeout);
            } catch (DeviceClientException e) {
                throw DeviceFailures.of(e);
            }
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
    }
}
