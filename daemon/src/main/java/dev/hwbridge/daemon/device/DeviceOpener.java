package dev.hwbridge.daemon.device;

import dev.hwbridge.daemon.rpc.RpcException;

/** Opens a fresh {@link DeviceConnection} to one attached device. */
@FunctionalInterface
public interface DeviceOpener {

    /** @throws RpcException DEVICE_GONE when the device is no longer there, DEVICE_ERROR when it will not talk */
    DeviceConnection open() throws RpcException;
}
