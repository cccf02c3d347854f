package dev.hwbridge.daemon.device;

import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.protocol.client.DeviceClientException;
import dev.hwbridge.protocol.framing.FrameError;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.Redaction;
import dev.hwbridge.protocol.message.Response;

/**
 * The one place where what a device says (a {@code Failure}, an unexpected reply) and what goes
 * wrong on the way to it (transport, framing) becomes a JSON-RPC error. Clients match the
 * resulting codes, so a new Failure code is mapped here and listed in API.md.
 */
public final class DeviceErrors {

    /** The device's own text is shown, but bounded: it comes from outside. */
    private static final int MAX_DEVICE_TEXT = 200;

    private DeviceErrors() {
    }

    /** The error a final {@code Failure} reply stands for. */
    public static RpcException of(Failure failure) {
        RpcError error = switch (failure.getCode()) {
            case USER_REJECTED -> RpcError.USER_REJECTED;
            case PIN_INVALID -> RpcError.PIN_INVALID;
            case LOCKED -> RpcError.LOCKED;
            case NOT_INITIALIZED -> RpcError.NOT_INITIALIZED;
            case ALREADY_INITIALIZED -> RpcError.ALREADY_INITIALIZED;
            // A soft junction with ed25519/ecdsa is a problem of the path the caller gave.
            case INVALID_PATH, UNSUPPORTED_SCHEME -> RpcError.INVALID_PATH;
            case INVALID_PAYLOAD -> RpcError.INVALID_PAYLOAD;
            case BUSY -> RpcError.BUSY;
            case CANCELLED -> RpcError.CANCELLED;
            case UNKNOWN_IDENTITY -> RpcError.UNKNOWN_IDENTITY;
            case INVALID_REQUEST -> RpcError.INVALID_PARAMS;
            case WIPED -> RpcError.WIPED;
            case WRONG_PASSWORD -> RpcError.WRONG_PASSWORD;
            case INVALID_JSON, UNSUPPORTED_JSON -> RpcError.INVALID_JSON;
            case TIMEOUT -> RpcError.TIMEOUT;
            case METADATA_MISMATCH -> RpcError.METADATA_MISMATCH;
            case BLIND_SIGNING_DISABLED -> RpcError.BLIND_SIGNING_DISABLED;
            case FIRMWARE_ERROR, UNSPECIFIED, UNRECOGNIZED -> RpcError.DEVICE_ERROR;
        };
        return new RpcException(error, "the device refused: " + bounded(failure.getMessage())
                + " (" + failure.getCode() + ")");
    }

    /** A failure of the protocol client: the exchange did not reach a final reply. */
    public static RpcException of(DeviceClientException failure) {
        RpcError error = switch (failure.code()) {
            case DEVICE_GONE -> RpcError.DEVICE_GONE;
            case TIMEOUT -> RpcError.TIMEOUT;
            // INTERRUPTED: the caller's connection closed, which ends its calls like a cancel.
            case CANCELLED, INTERRUPTED -> RpcError.CANCELLED;
            // Serialised calls make BUSY from the client rare; CHANNEL_BUSY means another host holds the device.
            case BUSY -> RpcError.BUSY;
            case DEVICE_ERROR -> failure.frameError().filter(code -> code == FrameError.CHANNEL_BUSY).isPresent()
                    ? RpcError.BUSY : RpcError.DEVICE_ERROR;
            case PROTOCOL_ERROR -> RpcError.DEVICE_ERROR;
            case INVALID_REQUEST -> RpcError.INVALID_PARAMS;
        };
        return new RpcException(error, failure.getMessage());
    }

    /** A transport failure while opening or using a device. */
    public static RpcException of(TransportException failure) {
        RpcError error = switch (failure.code()) {
            case DEVICE_GONE, NOT_FOUND -> RpcError.DEVICE_GONE;
            case ACCESS_DENIED, BAD_REPORT, IO -> RpcError.DEVICE_ERROR;
        };
        return new RpcException(error, failure.getMessage());
    }

    /**
     * The final reply when it has the expected type; a {@code Failure} becomes its error, any
     * other reply DEVICE_ERROR.
     */
    public static Response expect(Response reply, Response.BodyCase expected) throws RpcException {
        if (reply.getBodyCase() == expected) {
            return reply;
        }
        if (reply.getBodyCase() == Response.BodyCase.FAILURE) {
            throw of(reply.getFailure());
        }
        throw new RpcException(RpcError.DEVICE_ERROR,
                "the device answered " + Redaction.describe(reply) + " where " + expected + " was expected");
    }

    /** The device went away (unplugged, simulator stopped) while it was used. */
    public static RpcException gone(String deviceId) {
        return new RpcException(RpcError.DEVICE_GONE, "device " + deviceId + " is gone");
    }

    private static String bounded(String text) {
        String safe = text.isEmpty() ? "no reason given" : text;
        return safe.length() <= MAX_DEVICE_TEXT ? safe : safe.substring(0, MAX_DEVICE_TEXT) + "…";
    }
}
