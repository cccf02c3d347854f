package dev.hwbridge.protocol.message;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import dev.hwbridge.protocol.framing.HidFraming;
import java.util.Objects;

/**
 * Encodes and parses the two envelopes carried in MSG frames. Parsing is bounded (at most one
 * frame's 7609 bytes) and refuses anything it cannot fully read with a typed {@link MessageException};
 * no other exception escapes for any input.
 */
public final class Messages {

    /** The largest encoded envelope: what one MSG frame carries. */
    public static final int MAX_SIZE = HidFraming.MAX_MESSAGE_SIZE;

    private Messages() {
    }

    /**
     * @throws MessageException UNKNOWN_MESSAGE if no operation is set, OVERSIZE if the encoding exceeds {@link #MAX_SIZE}
     */
    public static byte[] encode(Request request) throws MessageException {
        if (request.getBodyCase() == Request.BodyCase.BODY_NOT_SET) {
            throw new MessageException(MessageError.UNKNOWN_MESSAGE, "a Request must carry an operation");
        }
        return bounded(request);
    }

    /**
     * @throws MessageException UNKNOWN_MESSAGE if no reply is set, OVERSIZE if the encoding exceeds {@link #MAX_SIZE}
     */
    public static byte[] encode(Response response) throws MessageException {
        if (response.getBodyCase() == Response.BodyCase.BODY_NOT_SET) {
            throw new MessageException(MessageError.UNKNOWN_MESSAGE, "a Response must carry a reply");
        }
        return bounded(response);
    }

    /**
     * @throws MessageException OVERSIZE, MALFORMED, or UNKNOWN_MESSAGE (empty, or an operation this version does not know)
     */
    public static Request parseRequest(byte[] bytes) throws MessageException {
        checkSize(bytes);
        Request request;
        try {
            request = Request.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new MessageException(MessageError.MALFORMED, "not a valid Request: " + e.getMessage(), e);
        }
        if (request.getBodyCase() == Request.BodyCase.BODY_NOT_SET) {
            throw new MessageException(MessageError.UNKNOWN_MESSAGE, "the Request carries no operation this version knows");
        }
        return request;
    }

    /**
     * The {@code message_id} of an envelope that {@link #parseRequest} refused (an operation this
     * version does not know), so the refusal can still name its exchange (PROTOCOL.md §4.1).
     *
     * @return the id, or 0 when the bytes do not parse as an envelope at all
     */
    public static int messageIdOf(byte[] bytes) {
        if (bytes.length > MAX_SIZE) {
            return 0;
        }
        try {
            return Request.parseFrom(bytes).getMessageId();
        } catch (InvalidProtocolBufferException e) {
            return 0;
        }
    }

    /**
     * @throws MessageException OVERSIZE, MALFORMED, or UNKNOWN_MESSAGE (empty, or a reply this version does not know)
     */
    public static Response parseResponse(byte[] bytes) throws MessageException {
        checkSize(bytes);
        Response response;
        try {
            response = Response.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new MessageException(MessageError.MALFORMED, "not a valid Response: " + e.getMessage(), e);
        }
        if (response.getBodyCase() == Response.BodyCase.BODY_NOT_SET) {
            throw new MessageException(MessageError.UNKNOWN_MESSAGE, "the Response carries no reply this version knows");
        }
        return response;
    }

    /**
     * True for the reply that ends an exchange (Features, PublicKey, Signature, EncryptedJson,
     * Success, Failure, PartReceived); false for the interim ones (ButtonRequest, Progress, InputRequest) after
     * which more replies follow.
     */
    public static boolean isFinal(Response response) {
        return switch (response.getBodyCase()) {
            case BUTTON_REQUEST, PROGRESS, INPUT_REQUEST, BODY_NOT_SET -> false;
            case FEATURES, PUBLIC_KEY, PUBLIC_KEYS, SIGNATURE, ENCRYPTED_JSON, SUCCESS, FAILURE, PART_RECEIVED -> true;
        };
    }

    private static byte[] bounded(MessageLite message) throws MessageException {
        int size = message.getSerializedSize();
        if (size > MAX_SIZE) {
            throw new MessageException(MessageError.OVERSIZE,
                    "the message takes " + size + " bytes; a frame carries at most " + MAX_SIZE);
        }
        return message.toByteArray();
    }

    private static void checkSize(byte[] bytes) throws MessageException {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > MAX_SIZE) {
            throw new MessageException(MessageError.OVERSIZE,
                    "the message has " + bytes.length + " bytes; a frame carries at most " + MAX_SIZE);
        }
    }
}
