package dev.hwbridge.protocol.framing;

import java.util.Optional;

/** The codes an ERROR frame carries, numbered as CTAPHID numbers them. Never renumber. */
public enum FrameError {
    /** The command byte is not one of {@link FrameCommand}, or not allowed here. */
    INVALID_COMMAND(0x01),
    /** A declared length over the limit, a report of the wrong size, or a payload of the wrong size. */
    INVALID_LENGTH(0x03),
    /** A continuation out of order, one without an init packet, or a new init mid-message. */
    INVALID_SEQUENCE(0x04),
    /** A half-received message was not completed in time and was dropped. */
    MESSAGE_TIMEOUT(0x05),
    /** Another channel holds the device (or its reassembly buffer). */
    CHANNEL_BUSY(0x06),
    /** Channel 0, which is reserved. */
    INVALID_CHANNEL(0x0B),
    /** Anything else. */
    OTHER(0x7F);

    private final int code;

    FrameError(int code) {
        this.code = code;
    }

    /** The byte an ERROR frame carries. */
    public int code() {
        return code;
    }

    /** The error with that byte, or empty for a byte no error has. */
    public static Optional<FrameError> fromCode(int code) {
        for (FrameError error : values()) {
            if (error.code == (code & 0xFF)) {
                return Optional.of(error);
            }
        }
        return Optional.empty();
    }
}
