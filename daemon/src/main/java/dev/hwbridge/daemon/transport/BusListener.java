package dev.hwbridge.daemon.transport;

/** Hot-plug events from a {@link DeviceBus}. */
public interface BusListener {

    void attached(DeviceDescriptor device);

    void detached(DeviceDescriptor device);
}
