package dev.hwbridge.protocol.framing;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The payload of an INIT frame from the host: an 8-byte nonce the device echoes, so a host can
 * tell its reply from another host's on the shared broadcast channel.
 */
public record InitRequest(byte[] nonce) {

    public InitRequest {
        Objects.requireNonNull(nonce, "nonce");
        if (nonce.length != HidFraming.INIT_NONCE_SIZE) {
            throw new IllegalArgumentException("an INIT nonce has " + HidFraming.INIT_NONCE_SIZE + " bytes");
        }
        nonce = nonce.clone();
    }

    /** A request with a fresh random nonce. */
    public static InitRequest random(SecureRandom random) {
        byte[] nonce = new byte[HidFraming.INIT_NONCE_SIZE];
        random.nextBytes(nonce);
        return new InitRequest(nonce);
    }

    /**
     * Reads an INIT frame.
     *
     * @throws FramingException INVALID_COMMAND if it is not INIT, INVALID_LENGTH if the payload is not 8 bytes
     */
    public static InitRequest from(Frame frame) throws FramingException {
        if (frame.command() != FrameCommand.INIT) {
            throw new FramingException(FrameError.INVALID_COMMAND, frame.channel(), "not an INIT frame: " + frame.command());
        }
        if (frame.length() != HidFraming.INIT_NONCE_SIZE) {
            throw new FramingException(FrameError.INVALID_LENGTH, frame.channel(),
                    "an INIT request carries " + HidFraming.INIT_NONCE_SIZE + " bytes, got " + frame.length());
        }
        return new InitRequest(frame.payload());
    }

    /** The INIT frame on the broadcast channel. */
    public Frame toFrame() {
        return toFrame(HidFraming.BROADCAST_CHANNEL);
    }

    /** The INIT frame on {@code channel} (an allocated channel resynchronises it). */
    public Frame toFrame(int channel) {
        return new Frame(channel, FrameCommand.INIT, nonce);
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InitRequest other && Arrays.equals(nonce, other.nonce);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nonce);
    }

    @Override
    public String toString() {
        return "InitRequest[nonce=" + HexFormat.of().formatHex(nonce) + "]";
    }
}
