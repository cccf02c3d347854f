package dev.hwbridge.daemon.device;

import dev.hwbridge.daemon.transport.DeviceChannel;

/** Turns an open channel into a {@link DeviceConnection} (framing, INIT). */
@FunctionalInterface
public interface Connector {

    /**
     * Takes ownership of {@code channel}: closing the connection closes it.
     *
     * @throws DeviceException GONE, TIMEOUT or FAILED when the device does not answer INIT
     */
    DeviceConnection connect(DeviceChannel channel) throws DeviceException;
}
