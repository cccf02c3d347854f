package dev.hwbridge.daemon.device;

/**
 * Hears devices come and go. Called from bus threads (a device's attach always before its
 * detach); must not block.
 */
public interface DeviceListener {

    void attached(Device device);

    /** The device is gone; its in-flight call has already been failed with DEVICE_GONE. */
    void detached(Device device);
}
