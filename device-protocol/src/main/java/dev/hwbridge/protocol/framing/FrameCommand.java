package dev.hwbridge.protocol.framing;

import java.util.Optional;

/** The frame commands, numbered as CTAPHID numbers them (bit 7 set, as on the wire). */
public enum FrameCommand {
    /** Echo: the device sends the payload back unchanged. */
    PING(0x81),
    /** One protobuf Request (host to device) or Response (device to host). */
    MSG(0x83),
    /** Channel allocation on the broadcast channel: an 8-byte nonce, answered by {@link InitReply}. */
    INIT(0x86),
    /** Abandon the pending exchange on this channel; no payload, no reply of its own. */
    CANCEL(0x91),
    /** Device to host while an exchange is pending: one {@link KeepaliveStatus} byte. */
    KEEPALIVE(0xBB),
    /** Device to host: one {@link FrameError} byte. */
    ERROR(0xBF);

    private final int code;

    FrameCommand(int code) {
        this.code = code;
    }

    /** The command byte as sent, bit 7 set. */
    public int code() {
        return code;
    }

    /** The command with that byte, or empty for a byte no command has. */
    public static Optional<FrameCommand> fromCode(int code) {
        for (FrameCommand command : values()) {
            if (command.code == (code & 0xFF)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }
}
