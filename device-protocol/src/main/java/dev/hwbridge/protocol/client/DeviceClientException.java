package dev.hwbridge.protocol.client;

import dev.hwbridge.protocol.framing.FrameError;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a {@link DeviceClient} operation did not produce the device's answer. Callers match on
 * {@link #code()} (and {@link #frameError()} for DEVICE_ERROR), never on the message.
 */
public final class DeviceClientException extends Exception {

    /** Stable codes; never rename or reorder. */
    public enum Code {
        /** The port failed or was closed: the device was unplugged, the simulator stopped, or the client was closed. */
        DEVICE_GONE,
        /** No report for the idle timeout, the call's deadline passed, or no INIT reply in time. */
        TIMEOUT,
        /** {@link DeviceClient#cancel()} ended the call (whether or not the device confirmed it). */
        CANCELLED,
        /** The device broke the protocol: a bad report or frame, a Response that does not parse, an unexpected frame. */
        PROTOCOL_ERROR,
        /** The device answered with an ERROR frame; {@link #frameError()} says which. */
        DEVICE_ERROR,
        /** The calling thread was interrupted; its interrupt status is set again when this is thrown. */
        INTERRUPTED,
        /** Another call is in progress on this client: one exchange at a time. */
        BUSY,
        /** The request cannot be sent: no operation, {@code Request{cancel}}, or too large for one frame. */
        INVALID_REQUEST
    }

    private final Code code;
    private final FrameError frameError;

    public DeviceClientException(Code code, String message) {
        this(code, message, null, null);
    }

    public DeviceClientException(Code code, String message, Throwable cause) {
        this(code, message, null, cause);
    }

    private DeviceClientException(Code code, String message, FrameError frameError, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.frameError = frameError;
    }

    /** A DEVICE_ERROR carrying the code of the device's ERROR frame. */
    public static DeviceClientException deviceError(FrameError error) {
        Objects.requireNonNull(error, "error");
        return new DeviceClientException(Code.DEVICE_ERROR, "the device answered ERROR " + error, error, null);
    }

    /**
     * Maps a port failure: INTERRUPTED when the thread was interrupted (its interrupt status is
     * cleared here so that the client can still send a CANCEL), PROTOCOL_ERROR for a malformed
     * report ({@link PortException.Kind#MALFORMED_REPORT}), DEVICE_GONE otherwise.
     */
    static DeviceClientException fromPort(IOException failure) {
        boolean interrupted = Thread.interrupted();
        if (interrupted || failure instanceof InterruptedIOException || failure instanceof ClosedByInterruptException) {
            return new DeviceClientException(Code.INTERRUPTED, "interrupted while talking to the device", failure);
        }
        if (failure instanceof PortException port && port.kind() == PortException.Kind.MALFORMED_REPORT) {
            return new DeviceClientException(Code.PROTOCOL_ERROR, "the device sent a malformed report: "
                    + failure.getMessage(), failure);
        }
        return new DeviceClientException(Code.DEVICE_GONE, "the device is gone: " + failure.getMessage(), failure);
    }

    public Code code() {
        return code;
    }

    /** The ERROR frame's code, present exactly when {@link #code()} is DEVICE_ERROR. */
    public Optional<FrameError> frameError() {
        return Optional.ofNullable(frameError);
    }
}
