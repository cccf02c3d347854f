package dev.hwbridge.daemon.app;

import dev.hwbridge.daemon.device.DeviceException;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.session.SessionException;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.Redaction;
import dev.hwbridge.protocol.message.Response;

/**
 * The one place where what a device says (a {@code Failure}, an unexpected reply), what goes
 * wrong on the way to it (the device layer's {@link DeviceException}) and what sessions refuse
 * ({@link SessionException}) becomes a JSON-RPC error. Clients match the resulting codes, so a new
 * code is mapped here and listed in API.md.
 */
final class DeviceErrors {

    /** The device's own text is shown, but bounded: it comes from outside. */
    private static final int MAX_DEVICE_TEXT = 200;

    private DeviceErrors() {
    }

    /** The error a final {@code Failure} reply stands for. */
    static RpcException of(Failure failure) {
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

    /** A device call that did not reach the device's final reply. */
    static RpcException of(DeviceException failure) {
        RpcError error = switch (failure.error()) {
            case GONE -> RpcError.DEVICE_GONE;
            case TIMEOUT -> RpcError.TIMEOUT;
            case CANCELLED -> RpcError.CANCELLED;
            case BUSY -> RpcError.BUSY;
            case NOT_WANTED -> RpcError.NO_SESSION;
            // A malformed report or reply is the device answering outside the protocol, not a lost device.
            case MALFORMED_REPLY, FAILED -> RpcError.DEVICE_ERROR;
            case INVALID_REQUEST -> RpcError.INVALID_PARAMS;
            case TOO_LARGE -> RpcError.INVALID_PAYLOAD;
            case QUEUE_FULL -> RpcError.RATE_LIMITED;
        };
        return new RpcException(error, failure.getMessage());
    }

    /** A session that could not be acquired or used. */
    static RpcException of(SessionException failure) {
        RpcError error = switch (failure.error()) {
            case NO_SESSION -> RpcError.NO_SESSION;
            case HELD -> RpcError.BUSY;
            case DEVICE_GONE -> RpcError.DEVICE_GONE;
        };
        return new RpcException(error, failure.getMessage());
    }

    /**
     * The final reply when it has the expected type; a {@code Failure} becomes its error, any
     * other reply DEVICE_ERROR.
     */
    static Response expect(Response reply, Response.BodyCase expected) throws RpcException {
        if (reply.getBodyCase() == expected) {
            return reply;
        }
        if (reply.getBodyCase() == Response.BodyCase.FAILURE) {
            throw of(reply.getFailure());
        }
        throw new RpcException(RpcError.DEVICE_ERROR,
                "the device answered " + Redaction.describe(reply) + " where " + expected + " was expected");
    }

    private static String bounded(String text) {
        String safe = text.isEmpty() ? "no reason given" : text;
        return safe.length() <= MAX_DEVICE_TEXT ? safe : safe.substring(0, MAX_DEVICE_TEXT) + "…";
    }
}
