package dev.hwbridge.protocol.framing;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The device's answer to INIT: the host's nonce, the channel allocated to the host, and versions.
 * Layout: nonce(8) ‖ channel(4, big-endian) ‖ protocol version(1) ‖ major(1) ‖ minor(1) ‖
 * build(1) ‖ capabilities(1) = 17 bytes.
 *
 * @param capabilities bit flags (PROTOCOL.md §3.1); a host ignores bits it does not know
 */
public record InitReply(byte[] nonce, int channel, int protocolVersion, int major, int minor, int build,
                        int capabilities) {

    public InitReply {
        Objects.requireNonNull(nonce, "nonce");
        if (nonce.length != HidFraming.INIT_NONCE_SIZE) {
            throw new IllegalArgumentException("an INIT nonce has " + HidFraming.INIT_NONCE_SIZE + " bytes");
        }
        if (channel == HidFraming.RESERVED_CHANNEL || channel == HidFraming.BROADCAST_CHANNEL) {
            throw new IllegalArgumentException("the allocated channel can be neither 0 nor the broadcast channel");
        }
        requireByte(protocolVersion, "protocolVersion");
        requireByte(major, "major");
        requireByte(minor, "minor");
        requireByte(build, "build");
        requireByte(capabilities, "capabilities");
        nonce = nonce.clone();
    }

    /** The reply to {@code request} that allocates {@code channel}, with this protocol's version. */
    public static InitReply answering(InitRequest request, int channel, int major, int minor, int build) {
        return answering(request, channel, major, minor, build, 0);
    }

    /** As {@link #answering(InitRequest, int, int, int, int)}, announcing {@code capabilities}. */
    public static InitReply answering(InitRequest request, int channel, int major, int minor, int build,
            int capabilities) {
        return new InitReply(request.nonce(), channel, HidFraming.PROTOCOL_VERSION, major, minor, build, capabilities);
    }

    /**
     * Reads the INIT frame a device sent.
     *
     * @throws FramingException INVALID_COMMAND if it is not INIT, INVALID_LENGTH if the payload is
     *                          not 17 bytes, INVALID_CHANNEL if the allocated channel is 0 or broadcast
     */
    public static InitReply from(Frame frame) throws FramingException {
        if (frame.command() != FrameCommand.INIT) {
            throw new FramingException(FrameError.INVALID_COMMAND, frame.channel(), "not an INIT frame: " + frame.command());
        }
        byte[] payload = frame.payload();
        if (payload.length != HidFraming.INIT_REPLY_SIZE) {
            throw new FramingException(FrameError.INVALID_LENGTH, frame.channel(),
                    "an INIT reply carries " + HidFraming.INIT_REPLY_SIZE + " bytes, got " + payload.length);
        }
        ByteBuffer in = ByteBuffer.wrap(payload);
        byte[] nonce = new byte[HidFraming.INIT_NONCE_SIZE];
        in.get(nonce);
        int channel = in.getInt();
        if (channel == HidFraming.RESERVED_CHANNEL || channel == HidFraming.BROADCAST_CHANNEL) {
            throw new FramingException(FrameError.INVALID_CHANNEL, frame.channel(),
                    "an INIT reply allocated channel " + Channels.format(channel));
        }
        return new InitReply(nonce, channel, in.get() & 0xFF, in.get() & 0xFF, in.get() & 0xFF, in.get() & 0xFF,
                in.get() & 0xFF);
    }

    /** True when this reply echoes the nonce of {@code request}. */
    public boolean answers(InitRequest request) {
        return Arrays.equals(nonce, request.nonce());
    }

    /** The 17-byte payload. */
    public byte[] encode() {
        return ByteBuffer.allocate(HidFraming.INIT_REPLY_SIZE)
                .put(nonce)
                .putInt(channel)
                .put((byte) protocolVersion)
                .put((byte) major)
                .put((byte) minor)
                .put((byte) build)
                .put((byte) capabilities)
                .array();
    }

    /** The reply frame on {@code requestChannel}, the channel the INIT came on. */
    public Frame toFrame(int requestChannel) {
        return new Frame(requestChannel, FrameCommand.INIT, encode());
    }

    /** "major.minor.build". */
    public String deviceVersion() {
        return major + "." + minor + "." + build;
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InitReply other && Arrays.equals(nonce, other.nonce) && channel == other.channel
                && protocolVersion == other.protocolVersion && major == other.major && minor == other.minor
                && build == other.build && capabilities == other.capabilities;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(nonce), channel, protocolVersion, major, minor, build, capabilities);
    }

    @Override
    public String toString() {
        return "InitReply[nonce=" + HexFormat.of().formatHex(nonce) + ", channel=" + Channels.format(channel)
                + ", protocolVersion=" + protocolVersion + ", version=" + deviceVersion()
                + ", capabilities=" + capabilities + "]";
    }

    private static void requireByte(int value, String name) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " must fit one byte");
        }
    }
}
