package dev.hwbridge.daemon.device;

/** Opens a fresh {@link DeviceConnection} to one attached device. */
@FunctionalInterface
public interface DeviceOpener {

    /** @throws DeviceException GONE when the device is no longer there, FAILED or TIMEOUT when it will not talk */
    DeviceConnection open() throws DeviceException;
}
