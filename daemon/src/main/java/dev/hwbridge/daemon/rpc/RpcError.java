package dev.hwbridge.daemon.rpc;

/**
 * Every JSON-RPC error the daemon sends: the standard codes for malformed requests and stable
 * application codes for device and session errors. Codes and names never change; API.md lists them.
 */
public enum RpcError {
    PARSE_ERROR(-32700),
    INVALID_REQUEST(-32600),
    METHOD_NOT_FOUND(-32601),
    INVALID_PARAMS(-32602),
    INTERNAL_ERROR(-32603),

    /** The device is held by another session. */
    BUSY(1000),
    /** The session does not exist, has ended, or belongs to another connection. */
    NO_SESSION(1001),
    /** No device with that id, or it was unplugged (also mid-call). */
    DEVICE_GONE(1002),
    /** The user rejected on the device. */
    USER_REJECTED(1003),
    /** The device is locked: call device.unlock first. */
    LOCKED(1004),
    /** The device (or identity) holds no seed: call device.setup or device.recover first. */
    NOT_INITIALIZED(1005),
    ALREADY_INITIALIZED(1006),
    /** The device or the user did not answer in time. */
    TIMEOUT(1007),
    /** The call was cancelled (by the client, a takeover, or the connection closing). */
    CANCELLED(1008),
    PIN_INVALID(1009),
    /** The device wiped itself after too many wrong PINs. */
    WIPED(1010),
    INVALID_PATH(1011),
    INVALID_PAYLOAD(1012),
    /** A backup document that fails validation (data.pointer names the first problem). */
    INVALID_BACKUP(1013),
    /** The password does not open the JSON file. */
    WRONG_PASSWORD(1014),
    /** Not a polkadot-js account file we can read. */
    INVALID_JSON(1015),
    UNKNOWN_IDENTITY(1016),
    UNKNOWN_ACCOUNT(1017),
    /** The device answered outside the protocol. */
    DEVICE_ERROR(1018),
    /** Too many calls per second on this connection. */
    RATE_LIMITED(1019),
    /** The metadata proof does not give the payload's metadata hash, or that hash is not the registered digest. */
    METADATA_MISMATCH(1020),
    /** A transaction without a metadata proof while blind signing is turned off on the device. */
    BLIND_SIGNING_DISABLED(1021),
    /** The device does not do this: a Ledger sets up, recovers, wipes and exports on itself. */
    UNSUPPORTED(1022),
    /** A page (through the extension) whose origin the user has not approved, or not for this method. */
    ORIGIN_NOT_APPROVED(1023),
    /** A Ledger whose Polkadot app is not open (the dashboard or another app answered). */
    APP_NOT_OPEN(1024),
    /** The daemon holds metadata of the chain, but not of the payload's spec version (data.hint names the fix). */
    METADATA_OUTDATED(1025);

    private final int code;

    RpcError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
