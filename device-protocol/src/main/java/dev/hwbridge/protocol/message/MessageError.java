package dev.hwbridge.protocol.message;

/** Why a protobuf message was refused. Stable names; never rename. */
public enum MessageError {
    /** Longer than one frame can carry (7609 bytes). */
    OVERSIZE,
    /** Not a valid protobuf encoding of the envelope (bad varint, truncated field, invalid UTF-8, …). */
    MALFORMED,
    /** A valid envelope with no operation set: empty, or a message type this version does not know. */
    UNKNOWN_MESSAGE,
    /** A field holds a value this version cannot use (e.g. an unspecified or unknown key scheme). */
    INVALID_FIELD
}
