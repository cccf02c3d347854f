package dev.hwbridge.protocol.client;

import dev.hwbridge.protocol.client.DeviceClientException.Code;
import dev.hwbridge.protocol.message.MessageException;
import dev.hwbridge.protocol.message.MessageParts;
import dev.hwbridge.protocol.message.Messages;
import dev.hwbridge.protocol.message.Redaction;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Calls that may be larger than one MSG frame (PROTOCOL.md §5.1): a request that fits goes as
 * {@link DeviceClient#call} sends it; a larger one, to a device announcing
 * {@link MessageParts#CAPABILITY}, goes as RequestParts, one exchange each, the last of which gets
 * the request's own replies.
 */
public final class PartedCalls {

    private PartedCalls() {
    }

    /** Whether {@code request} can reach a device with these INIT capability flags. */
    public static boolean fits(Request request, int capabilities) {
        int size = request.getSerializedSize();
        return size <= Messages.MAX_SIZE
                || size <= MessageParts.MAX_MESSAGE_SIZE && MessageParts.supported(capabilities);
    }

    /**
     * As {@link DeviceClient#call(Request, Consumer, CallOptions)}; a part the device refuses ends the
     * call with the device's Failure.
     *
     * @throws DeviceClientException INVALID_REQUEST when the request does not {@link #fits fit} this
     *                               device; PROTOCOL_ERROR when a part is answered with anything but
     *                               PartReceived of the bytes sent so far, or a Failure
     */
    public static Response call(DeviceClient client, Request request, Consumer<Response> interim, CallOptions options)
            throws DeviceClientException {
        if (request.getSerializedSize() <= Messages.MAX_SIZE) {
            return client.call(request, interim, options);
        }
        if (!fits(request, client.deviceInfo().capabilities())) {
            throw new DeviceClientException(Code.INVALID_REQUEST, Redaction.describe(request) + " of "
                    + request.getSerializedSize() + " bytes is too large for this device");
        }
        List<Request> parts;
        try {
            parts = MessageParts.split(request);
        } catch (MessageException e) {
            throw new DeviceClientException(Code.INVALID_REQUEST, "cannot send " + Redaction.describe(request)
                    + ": " + e.getMessage(), e);
        }
        for (Request part : parts.subList(0, parts.size() - 1)) {
            Response reply = client.call(part, interim, options);
            if (reply.getBodyCase() == Response.BodyCase.FAILURE) {
                return reply;
            }
            int sent = part.getRequestPart().getOffset() + part.getRequestPart().getData().size();
            if (reply.getBodyCase() != Response.BodyCase.PART_RECEIVED || reply.getPartReceived().getReceived() != sent) {
                throw new DeviceClientException(Code.PROTOCOL_ERROR,
                        "the device answered a part with " + Redaction.describe(reply));
            }
        }
        return client.call(parts.get(parts.size() - 1), interim, options);
    }

    /**
     * As {@link #call(DeviceClient, Request, Consumer, CallOptions)} on the event-driven client:
     * each part starts when the device acknowledged the one before, and no thread waits between.
     *
     * @return fails with the {@link DeviceClientException}s listed there
     */
    public static CompletableFuture<Response> call(AsyncDeviceClient client, Request request,
                                                   Consumer<Response> interim, CallOptions options) {
        if (request.getSerializedSize() <= Messages.MAX_SIZE) {
            return client.call(request, interim, options);
        }
        if (!fits(request, client.deviceInfo().capabilities())) {
            return CompletableFuture.failedFuture(new DeviceClientException(Code.INVALID_REQUEST,
                    Redaction.describe(request) + " of " + request.getSerializedSize()
                            + " bytes is too large for this device"));
        }
        List<Request> parts;
        try {
            parts = MessageParts.split(request);
        } catch (MessageException e) {
            return CompletableFuture.failedFuture(new DeviceClientException(Code.INVALID_REQUEST,
                    "cannot send " + Redaction.describe(request) + ": " + e.getMessage(), e));
        }
        return callFrom(client, parts, 0, interim, options);
    }

    private static CompletableFuture<Response> callFrom(AsyncDeviceClient client, List<Request> parts, int index,
                                                        Consumer<Response> interim, CallOptions options) {
        Request part = parts.get(index);
        CompletableFuture<Response> reply = client.call(part, interim, options);
        if (index == parts.size() - 1) {
            return reply;
        }
        return reply.thenCompose(response -> {
            if (response.getBodyCase() == Response.BodyCase.FAILURE) {
                return CompletableFuture.completedFuture(response);
            }
            int sent = part.getRequestPart().getOffset() + part.getRequestPart().getData().size();
            if (response.getBodyCase() != Response.BodyCase.PART_RECEIVED
                    || response.getPartReceived().getReceived() != sent) {
                return CompletableFuture.failedFuture(new DeviceClientException(Code.PROTOCOL_ERROR,
                        "the device answered a part with " + Redaction.describe(response)));
            }
            return callFrom(client, parts, index + 1, interim, options);
        });
    }
}
