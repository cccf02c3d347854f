package dev.hwbridge.protocol.message;

import java.util.Arrays;
import java.util.Optional;

/**
 * The device's side of {@link MessageParts}: collects RequestParts in order into one buffer of at
 * most {@link MessageParts#MAX_MESSAGE_SIZE} bytes, set aside from the first part's declared
 * length (checked first). A part at offset 0 starts over; any other part must continue the
 * assembly exactly, or the assembly is dropped. Not thread-safe: a device handles one request at
 * a time.
 */
public final class PartAssembler {

    private byte[] buffer;
    private int received;

    /**
     * @return the whole encoded Request once {@code part} completes it; empty while more are expected
     * @throws MessageException MALFORMED for a part that does not continue the assembly or has no
     *                          data or too much, OVERSIZE for a declared length out of range; the
     *                          assembly is dropped
     */
    public Optional<byte[]> accept(RequestPart part) throws MessageException {
        int length = part.getData().size();
        long total = Integer.toUnsignedLong(part.getTotalLength());
        long offset = Integer.toUnsignedLong(part.getOffset());
        if (offset == 0) {
            reset();
            if (total <= Messages.MAX_SIZE || total > MessageParts.MAX_MESSAGE_SIZE) {
                throw new MessageException(MessageError.OVERSIZE, "a Request sent in parts has "
                        + (Messages.MAX_SIZE + 1) + ".." + MessageParts.MAX_MESSAGE_SIZE + " bytes, not " + total);
            }
            buffer = new byte[(int) total];
        }
        if (buffer == null || total != buffer.length || offset != received) {
            reset();
            throw new MessageException(MessageError.MALFORMED, "a part that does not continue the Request being assembled");
        }
        if (length == 0 || length > MessageParts.MAX_PART_DATA || length > buffer.length - received) {
            reset();
            throw new MessageException(MessageError.MALFORMED, "a part of 1.." + MessageParts.MAX_PART_DATA
                    + " bytes that stays within the declared length is required");
        }
        part.getData().copyTo(buffer, received);
        received += length;
        if (received < buffer.length) {
            return Optional.empty();
        }
        byte[] whole = buffer;
        buffer = null;
        received = 0;
        return Optional.of(whole);
    }

    /** The bytes assembled so far (0 when nothing is being assembled). */
    public int received() {
        return received;
    }

    /** Drops what was assembled, clearing it: a part may hold a password. */
    public void reset() {
        if (buffer != null) {
            Arrays.fill(buffer, (byte) 0);
        }
        buffer = null;
        received = 0;
    }
}
