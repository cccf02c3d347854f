package dev.hwbridge.daemon.device;

import java.util.Objects;

/** A device call that ended without the device's final reply; callers match on {@link #error()}. */
public final class DeviceException extends Exception {

    private final DeviceError error;

    public DeviceException(DeviceError error, String message) {
        this(error, message, null);
    }

    public DeviceException(DeviceError error, String message, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    public DeviceError error() {
        return error;
    }

    /** The device went away (unplugged, simulator stopped) while it was used. */
    static DeviceException gone(String deviceId) {
        return new DeviceException(DeviceError.GONE, "device " + deviceId + " is gone");
    }
}
