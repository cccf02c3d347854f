package dev.hwbridge.daemon.device;

import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.protocol.client.DeviceClientException;
import dev.hwbridge.protocol.framing.FrameError;

/** What the protocol client and the transports report, as the device layer's errors. */
final class DeviceFailures {

    private DeviceFailures() {
    }

    static DeviceException of(DeviceClientException failure) {
        DeviceError error = switch (failure.code()) {
            case DEVICE_GONE -> DeviceError.GONE;
            case TIMEOUT -> DeviceError.TIMEOUT;
            // INTERRUPTED: the caller went away, which ends its calls like a cancel.
            case CANCELLED, INTERRUPTED -> DeviceError.CANCELLED;
            // Serialised calls make BUSY from the client rare; CHANNEL_BUSY means another host holds the device.
            case BUSY -> DeviceError.BUSY;
            case DEVICE_ERROR -> failure.frameError().filter(code -> code == FrameError.CHANNEL_BUSY).isPresent()
                    ? DeviceError.BUSY : DeviceError.FAILED;
            case PROTOCOL_ERROR -> DeviceError.MALFORMED_REPLY;
            case INVALID_REQUEST -> DeviceError.INVALID_REQUEST;
        };
        return new DeviceException(error, failure.getMessage(), failure);
    }

    /** A transport failure while opening a device. */
    static DeviceException of(TransportException failure) {
        DeviceError error = switch (failure.code()) {
            case DEVICE_GONE, NOT_FOUND -> DeviceError.GONE;
            case BAD_REPORT -> DeviceError.MALFORMED_REPLY;
            case ACCESS_DENIED, IO -> DeviceError.FAILED;
        };
        return new DeviceException(error, failure.getMessage(), failure);
    }
}
