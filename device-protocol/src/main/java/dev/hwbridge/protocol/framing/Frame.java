package dev.hwbridge.protocol.framing;

import java.util.Arrays;
import java.util.Objects;

/**
 * One whole framed message: the channel it travels on, its command and its payload (0..7609
 * bytes). Immutable; {@link #toString()} shows the payload's length only, since a MSG payload
 * may carry a password.
 */
public record Frame(int channel, FrameCommand command, byte[] payload) {

    public Frame {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(payload, "payload");
        if (channel == HidFraming.RESERVED_CHANNEL) {
            throw new IllegalArgumentException("channel 0 is reserved");
        }
        if (payload.length > HidFraming.MAX_MESSAGE_SIZE) {
            throw new IllegalArgumentException("a frame carries at most " + HidFraming.MAX_MESSAGE_SIZE + " bytes");
        }
        payload = payload.clone();
    }

    /** A MSG frame: one encoded protobuf Request or Response. */
    public static Frame message(int channel, byte[] payload) {
        return new Frame(channel, FrameCommand.MSG, payload);
    }

    public static Frame ping(int channel, byte[] payload) {
        return new Frame(channel, FrameCommand.PING, payload);
    }

    public static Frame cancel(int channel) {
        return new Frame(channel, FrameCommand.CANCEL, new byte[0]);
    }

    public static Frame keepalive(int channel, KeepaliveStatus status) {
        return new Frame(channel, FrameCommand.KEEPALIVE, new byte[] {(byte) status.code()});
    }

    public static Frame error(int channel, FrameError error) {
        return new Frame(channel, FrameCommand.ERROR, new byte[] {(byte) error.code()});
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public int length() {
        return payload.length;
    }

    /**
     * The code of an ERROR frame. A code this version does not know reads as {@link FrameError#OTHER}.
     *
     * @throws FramingException INVALID_COMMAND if this is not an ERROR frame, INVALID_LENGTH if its payload is not one byte
     */
    public FrameError errorCode() throws FramingException {
        return FrameError.fromCode(singleByte(FrameCommand.ERROR)).orElse(FrameError.OTHER);
    }

    /**
     * The status of a KEEPALIVE frame.
     *
     * @throws FramingException INVALID_COMMAND if this is not a KEEPALIVE frame, INVALID_LENGTH if its
     *                          payload is not one byte, OTHER for a status this version does not know
     */
    public KeepaliveStatus keepaliveStatus() throws FramingException {
        int code = singleByte(FrameCommand.KEEPALIVE);
        return KeepaliveStatus.fromCode(code).orElseThrow(
                () -> new FramingException(FrameError.OTHER, channel, "unknown keepalive status " + code));
    }

    private int singleByte(FrameCommand expected) throws FramingException {
        if (command != expected) {
            throw new FramingException(FrameError.INVALID_COMMAND, channel, "not a " + expected + " frame: " + command);
        }
        if (payload.length != 1) {
            throw new FramingException(FrameError.INVALID_LENGTH, channel,
                    expected + " carries 1 byte, got " + payload.length);
        }
        return payload[0] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame other && channel == other.channel && command == other.command
                && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channel, command, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "Frame[channel=" + Channels.format(channel) + ", command=" + command + ", length=" + payload.length + "]";
    }
}
