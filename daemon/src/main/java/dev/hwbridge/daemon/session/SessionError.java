package dev.hwbridge.daemon.session;

/** Why a session could not be had or used. Stable names; never rename. */
public enum SessionError {
    /** No such session, it ended, or it belongs to another connection (the same answer for each). */
    NO_SESSION,
    /** Another session holds the device, and the caller did not name it to take the device over. */
    HELD,
    /** No device with that id, or it is gone. */
    DEVICE_GONE
}
