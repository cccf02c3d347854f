package dev.hwbridge.protocol.message;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Requests larger than one MSG frame (PROTOCOL.md §5.1): a device that sets {@link #CAPABILITY} in
 * its INIT reply takes an encoded {@link Request} of up to {@link #MAX_MESSAGE_SIZE} bytes as a
 * series of {@link RequestPart}s, each its own exchange. A metadata proof of an XCM call (about
 * 7 KB) next to its payload needs this; everything else fits one frame.
 */
public final class MessageParts {

    /** The INIT reply's capability bit of a device that takes RequestParts. */
    public static final int CAPABILITY = 0x02;
    /** The largest encoded Request sent in parts. */
    public static final int MAX_MESSAGE_SIZE = 64 * 1024;
    /** The data of one part: with its envelope (at most 17 bytes) well within one frame. */
    public static final int MAX_PART_DATA = 7168;

    private MessageParts() {
    }

    /** Whether a device with these INIT capability flags takes RequestParts. */
    public static boolean supported(int capabilities) {
        return (capabilities & CAPABILITY) != 0;
    }

    /**
     * The RequestParts that carry {@code request}, in order.
     *
     * @throws MessageException UNKNOWN_MESSAGE for a Request without an operation or one that is
     *                          itself a part; OVERSIZE when it is over {@link #MAX_MESSAGE_SIZE}
     */
    public static List<Request> split(Request request) throws MessageException {
        Objects.requireNonNull(request, "request");
        if (request.getBodyCase() == Request.BodyCase.BODY_NOT_SET
                || request.getBodyCase() == Request.BodyCase.REQUEST_PART) {
            throw new MessageException(MessageError.UNKNOWN_MESSAGE, "only a whole operation is sent in parts");
        }
        int size = request.getSerializedSize();
        if (size > MAX_MESSAGE_SIZE) {
            throw new MessageException(MessageError.OVERSIZE,
                    "the message takes " + size + " bytes; one sent in parts has at most " + MAX_MESSAGE_SIZE);
        }
        byte[] encoded = request.toByteArray();
        List<Request> parts = new ArrayList<>(size / MAX_PART_DATA + 1);
        for (int offset = 0; offset < encoded.length; offset += MAX_PART_DATA) {
            int length = Math.min(MAX_PART_DATA, encoded.length - offset);
            parts.add(Request.newBuilder().setRequestPart(RequestPart.newBuilder()
                    .setTotalLength(encoded.length)
                    .setOffset(offset)
                    .setData(ByteString.copyFrom(encoded, offset, length)))
                    .build());
        }
        return parts;
    }

    /**
     * Parses a Request assembled from parts: as {@link Messages#parseRequest} but up to
     * {@link #MAX_MESSAGE_SIZE} bytes, and never itself a part.
     *
     * @throws MessageException OVERSIZE, MALFORMED, or UNKNOWN_MESSAGE
     */
    public static Request parseAssembled(byte[] bytes) throws MessageException {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > MAX_MESSAGE_SIZE) {
            throw new MessageException(MessageError.OVERSIZE,
                    "the message has " + bytes.length + " bytes; one sent in parts has at most " + MAX_MESSAGE_SIZE);
        }
        Request request;
        try {
            request = Request.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new MessageException(MessageError.MALFORMED, "not a valid Request: " + e.getMessage(), e);
        }
        if (request.getBodyCase() == Request.BodyCase.BODY_NOT_SET
                || request.getBodyCase() == Request.BodyCase.REQUEST_PART) {
            throw new MessageException(MessageError.UNKNOWN_MESSAGE,
                    "the assembled Request carries no operation this version knows");
        }
        return request;
    }
}
