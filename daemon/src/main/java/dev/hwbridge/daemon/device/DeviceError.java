package dev.hwbridge.daemon.device;

/** Why a device call got no final reply from the device. Stable names; never rename. */
public enum DeviceError {
    /** The device was unplugged, the simulator stopped, or the link to it failed (also mid-call). */
    GONE,
    /** The device sent nothing for the idle timeout, or did not answer INIT or a PING in time. */
    TIMEOUT,
    /** The call was cancelled: its session ended, or its caller went away. */
    CANCELLED,
    /** The device is busy with another host's exchange (ERROR CHANNEL_BUSY). */
    BUSY,
    /** The call's session ended while it waited for its turn. */
    NOT_WANTED,
    /** The device broke the protocol: a malformed report or frame, a reply that does not parse or fit the exchange. */
    MALFORMED_REPLY,
    /** The device answered with an ERROR frame, or could not be opened. */
    FAILED,
    /** The request cannot be sent at all (no operation, too large for one frame). */
    INVALID_REQUEST,
    /** The request is too large for this device, which takes no requests in parts. */
    TOO_LARGE,
    /** Too many calls are already waiting for this device. */
    QUEUE_FULL
}
