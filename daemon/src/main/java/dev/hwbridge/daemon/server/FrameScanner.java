package dev.hwbridge.daemon.server;

import io.netty.buffer.ByteBuf;

/**
 * Follows the RFC 6455 frame layout through a connection's bytes without taking or buffering
 * them: reports each frame's header as soon as it has arrived whole, and the end of each frame's
 * payload. It checks nothing (the frame decoder after it does); it only needs the lengths right.
 * Not thread-safe: one per connection.
 */
final class FrameScanner {

    /** What the scanner reports. */
    interface Listener {

        /**
         * A frame header has arrived. {@code payloadBytes} is as declared (Long.MAX_VALUE for a
         * 64-bit length with its top bit set, which RFC 6455 forbids). Returns false to stop
         * scanning: the rest of the bytes are of no interest.
         */
        boolean header(boolean fin, int opcode, long payloadBytes);

        /** The last byte of the frame whose header was reported last has passed. */
        void frameEnded(boolean fin, int opcode);
    }

    static final int OPCODE_CONTINUATION = 0x0;
    /** Opcodes from this one up are control frames (close, ping, pong). */
    static final int FIRST_CONTROL_OPCODE = 0x8;

    /** 2 bytes, then 8 of extended length at most, then 4 of mask key. */
    private static final int MAX_HEADER_BYTES = 2 + 8 + 4;

    private final byte[] header = new byte[MAX_HEADER_BYTES];
    private int headerHave;
    private int headerNeed = 2;
    private long payloadLeft;
    private boolean inPayload;
    private boolean fin;
    private int opcode;

    /** Whether part of a frame (header or payload) has arrived and the rest has not. */
    boolean midFrame() {
        return headerHave > 0 || inPayload;
    }

    /** Reads the readable bytes of {@code bytes} without moving its reader index. */
    void scan(ByteBuf bytes, Listener listener) {
        int i = bytes.readerIndex();
        int end = bytes.writerIndex();
        while (i < end) {
            if (inPayload) {
                int take = (int) Math.min(payloadLeft, end - i);
                i += take;
                payloadLeft -= take;
                if (payloadLeft == 0) {
                    inPayload = false;
                    listener.frameEnded(fin, opcode);
                }
                continue;
            }
            header[headerHave++] = bytes.getByte(i++);
            if (headerHave == 2) {
                int length7 = header[1] & 0x7F;
                boolean masked = (header[1] & 0x80) != 0;
                headerNeed = 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + (masked ? 4 : 0);
            }
            if (headerHave == headerNeed) {
                fin = (header[0] & 0x80) != 0;
                opcode = header[0] & 0x0F;
                long length = payloadLength();
                headerHave = 0;
                headerNeed = 2;
                if (!listener.header(fin, opcode, length)) {
                    return;
                }
                if (length == 0) {
                    listener.frameEnded(fin, opcode);
                } else {
                    inPayload = true;
                    payloadLeft = length;
                }
            }
        }
    }

    private long payloadLength() {
        int length7 = header[1] & 0x7F;
        if (length7 < 126) {
            return length7;
        }
        if (length7 == 126) {
            return ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
        }
        long length = 0;
        for (int k = 2; k < 10; k++) {
            length = (length << 8) | (header[k] & 0xFF);
        }
        return length < 0 ? Long.MAX_VALUE : length;
    }
}
