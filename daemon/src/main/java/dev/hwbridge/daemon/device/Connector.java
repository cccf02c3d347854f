package dev.hwbridge.daemon.device;

import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.transport.DeviceChannel;

/** Turns an open channel into a {@link DeviceConnection} (framing, INIT). */
@FunctionalInterface
public interface Connector {

    /**
     * Takes ownership of {@code channel}: closing the connection closes it.
     *
     * @throws RpcException DEVICE_GONE or DEVICE_ERROR when the device does not answer INIT
     */
    DeviceConnection connect(DeviceChannel channel) throws RpcException;
}
