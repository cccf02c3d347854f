package dev.hwbridge.testkit.device;

/**
 * Named ways a {@link ScriptedDevice} misbehaves during an exchange, in the spirit of OkHttp's
 * SocketPolicy: faults are data in a {@link Script}, not branches in the tests.
 */
public enum DeviceFault {
    /**
     * The device goes silent for the rest of the exchange: no reply, no KEEPALIVE, and a CANCEL
     * goes unanswered. It stays busy until it is closed or unplugged. For idle-timeout tests.
     */
    NO_RESPONSE,
    /** The device sends the first report of a three-report reply, then is unplugged. */
    DISCONNECT_MID_MESSAGE,
    /** The device is unplugged at once. */
    DISCONNECT,
    /**
     * The device sends a complete final reply (a Success) and a KEEPALIVE on a channel other than
     * the request's, then carries on with the script; the host must ignore both.
     */
    WRONG_CHANNEL,
    /** The device sends a MSG whose payload is not a protobuf Response (a truncated field), then carries on. */
    GARBAGE_PROTOBUF
}
