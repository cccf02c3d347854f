package dev.hwbridge.protocol.framing;

import java.time.Duration;

/**
 * The sizes and limits of CTAPHID-style framing over 64-byte reports, written as the arithmetic
 * they come from so the byte layout can be read off the constants.
 *
 * <pre>
 * init packet:          CID(4) ‖ CMD(1, bit 7 set) ‖ BCNT(2, big-endian) ‖ data(57)
 * continuation packet:  CID(4) ‖ SEQ(1, 0..127, bit 7 clear) ‖ data(59)
 * </pre>
 */
public final class HidFraming {

    /** Every report, in both directions, has exactly this many bytes. */
    public static final int REPORT_SIZE = 64;

    /** The channel id, big-endian, at offset 0 of every report. */
    public static final int CHANNEL_SIZE = 4;

    /** Offset of the command byte (init) or the sequence byte (continuation). */
    public static final int COMMAND_OFFSET = CHANNEL_SIZE;

    /** Offset of the 2-byte big-endian payload length in an init packet. */
    public static final int LENGTH_OFFSET = COMMAND_OFFSET + 1;

    public static final int INIT_HEADER_SIZE = LENGTH_OFFSET + 2;

    public static final int INIT_DATA_SIZE = REPORT_SIZE - INIT_HEADER_SIZE;

    public static final int CONTINUATION_HEADER_SIZE = COMMAND_OFFSET + 1;

    public static final int CONTINUATION_DATA_SIZE = REPORT_SIZE - CONTINUATION_HEADER_SIZE;

    /** Bit 7 of byte 4 tells an init packet (set) from a continuation packet (clear). */
    public static final int INIT_BIT = 0x80;

    /** The largest continuation sequence number; sequence numbers never wrap. */
    public static final int MAX_SEQUENCE = 0x7F;

    /** The longest payload one message can carry: 57 + 128 · 59 = 7609 bytes. */
    public static final int MAX_MESSAGE_SIZE = INIT_DATA_SIZE + (MAX_SEQUENCE + 1) * CONTINUATION_DATA_SIZE;

    /** The most reports one message can take: the init packet and 128 continuations. */
    public static final int MAX_REPORTS = 1 + MAX_SEQUENCE + 1;

    /** The channel every host may use for INIT before it has a channel of its own. */
    public static final int BROADCAST_CHANNEL = 0xFFFFFFFF;

    /** Channel 0 is reserved and never valid (CTAPHID). */
    public static final int RESERVED_CHANNEL = 0;

    public static final int INIT_NONCE_SIZE = 8;

    /** nonce(8) ‖ channel(4) ‖ protocol version(1) ‖ major(1) ‖ minor(1) ‖ build(1) ‖ capabilities(1). */
    public static final int INIT_REPLY_SIZE = INIT_NONCE_SIZE + CHANNEL_SIZE + 1 + 3 + 1;

    /** The version of this protocol, sent in the INIT reply. */
    public static final int PROTOCOL_VERSION = 1;

    /** A half-received message older than this is dropped (CTAPHID-like). */
    public static final Duration MESSAGE_TIMEOUT = Duration.ofSeconds(3);

    /** A device with an exchange pending sends a KEEPALIVE at least this often. */
    public static final Duration KEEPALIVE_INTERVAL = Duration.ofMillis(500);

    /** How many reports a payload of {@code length} bytes takes. */
    public static int reportCount(int length) {
        if (length < 0 || length > MAX_MESSAGE_SIZE) {
            throw new IllegalArgumentException("length must be 0.." + MAX_MESSAGE_SIZE);
        }
        if (length <= INIT_DATA_SIZE) {
            return 1;
        }
        return 1 + (length - INIT_DATA_SIZE + CONTINUATION_DATA_SIZE - 1) / CONTINUATION_DATA_SIZE;
    }

    private HidFraming() {
    }
}
