package dev.hwbridge.protocol.ledger;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Speculos's APDU port (Ledger's emulator; {@code @ledgerhq/hw-transport-node-speculos}): a
 * request is {@code length(4, BE) ‖ APDU}; a reply is {@code length(4, BE) ‖ data ‖ SW(2)}, the
 * length counting the data only. Readers are bounded: a declared length over the caller's limit
 * is refused before anything is allocated. Stateless and thread-safe.
 */
public final class SpeculosFraming {

    public static final int LENGTH_SIZE = 4;

    private SpeculosFraming() {
    }

    public static byte[] encodeRequest(byte[] apdu) {
        Objects.requireNonNull(apdu, "apdu");
        byte[] out = new byte[LENGTH_SIZE + apdu.length];
        writeLength(out, apdu.length);
        System.arraycopy(apdu, 0, out, LENGTH_SIZE, apdu.length);
        return out;
    }

    public static byte[] encodeReply(ApduResponse reply) {
        byte[] body = reply.encode();
        byte[] out = new byte[LENGTH_SIZE + body.length];
        writeLength(out, body.length - ApduResponse.STATUS_SIZE);
        System.arraycopy(body, 0, out, LENGTH_SIZE, body.length);
        return out;
    }

    /**
     * Reads one request (device side).
     *
     * @return the APDU's bytes, or empty when the stream ended cleanly before a request began
     * @throws LedgerException FRAMING for a length over {@code maxLength} or a stream ending mid-request
     */
    public static Optional<byte[]> readRequest(InputStream in, int maxLength) throws IOException, LedgerException {
        byte[] header = new byte[LENGTH_SIZE];
        int first = in.read();
        if (first < 0) {
            return Optional.empty();
        }
        header[0] = (byte) first;
        readFully(in, header, 1, LENGTH_SIZE - 1);
        long length = readLength(header);
        if (length > maxLength) {
            throw new LedgerException(LedgerError.FRAMING, "a request of " + length + " bytes is over the limit of " + maxLength);
        }
        byte[] apdu = new byte[(int) length];
        readFully(in, apdu, 0, apdu.length);
        return Optional.of(apdu);
    }

    /**
     * Reads one reply (host side).
     *
     * @throws LedgerException FRAMING for a length over {@code maxLength} or a stream ending mid-reply
     */
    public static ApduResponse readReply(InputStream in, int maxLength) throws IOException, LedgerException {
        byte[] header = new byte[LENGTH_SIZE];
        readFully(in, header, 0, LENGTH_SIZE);
        long length = readLength(header);
        if (length > maxLength) {
            throw new LedgerException(LedgerError.FRAMING, "a reply of " + length + " bytes is over the limit of " + maxLength);
        }
        byte[] body = new byte[(int) length + ApduResponse.STATUS_SIZE];
        readFully(in, body, 0, body.length);
        return ApduResponse.decode(body);
    }

    private static void readFully(InputStream in, byte[] into, int offset, int length) throws IOException, LedgerException {
        int at = offset;
        while (at < offset + length) {
            int n = in.read(into, at, offset + length - at);
            if (n < 0) {
                throw new LedgerException(LedgerError.FRAMING, "the stream ended mid-message",
                        new EOFException());
            }
            at += n;
        }
    }

    private static long readLength(byte[] header) {
        return ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFFL) << 16) | ((header[2] & 0xFFL) << 8) | (header[3] & 0xFFL);
    }

    private static void writeLength(byte[] out, int length) {
        out[0] = (byte) (length >>> 24);
        out[1] = (byte) (length >>> 16);
        out[2] = (byte) (length >>> 8);
        out[3] = (byte) length;
    }
}
