package dev.hwbridge.protocol.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ledger's HID framing ({@code @ledgerhq/devices} {@code hid-framing}): an APDU or a reply cut into
 * 64-byte reports. The sizes are written as the arithmetic they come from.
 *
 * <pre>
 * first report:  channel(2, BE 0x0101) ‖ tag(1, 0x05) ‖ sequence(2, BE, 0) ‖ length(2, BE) ‖ data(57)
 * next reports:  channel(2)            ‖ tag(1)       ‖ sequence(2, BE, 1, 2, …)         ‖ data(59)
 * </pre>
 *
 * The last report is zero-padded to 64 bytes. Stateless and thread-safe.
 */
public final class LedgerFraming {

    public static final int REPORT_SIZE = 64;
    /** The channel Ledger's host libraries use (u16 BE at offset 0). */
    public static final int CHANNEL = 0x0101;
    /** The tag of an APDU report (offset 2). */
    public static final int TAG_APDU = 0x05;
    public static final int TAG_OFFSET = 2;
    public static final int SEQUENCE_OFFSET = TAG_OFFSET + 1;
    public static final int HEADER_SIZE = SEQUENCE_OFFSET + 2;
    /** The message length (u16 BE), in the first report only. */
    public static final int LENGTH_OFFSET = HEADER_SIZE;
    public static final int FIRST_DATA_SIZE = REPORT_SIZE - HEADER_SIZE - 2;
    public static final int NEXT_DATA_SIZE = REPORT_SIZE - HEADER_SIZE;
    /** The longest message the 2-byte length can declare. */
    public static final int MAX_MESSAGE_SIZE = 0xFFFF;

    private LedgerFraming() {
    }

    /** How many reports a message of {@code length} bytes takes (one for an empty message). */
    public static int reportCount(int length) {
        if (length < 0 || length > MAX_MESSAGE_SIZE) {
            throw new IllegalArgumentException("length must be 0.." + MAX_MESSAGE_SIZE);
        }
        if (length <= FIRST_DATA_SIZE) {
            return 1;
        }
        return 1 + (length - FIRST_DATA_SIZE + NEXT_DATA_SIZE - 1) / NEXT_DATA_SIZE;
    }

    /** The reports that carry {@code message} on {@link #CHANNEL}. */
    public static List<byte[]> write(byte[] message) {
        return write(CHANNEL, message);
    }

    /** The reports that carry {@code message} on {@code channel}. */
    public static List<byte[]> write(int channel, byte[] message) {
        Objects.requireNonNull(message, "message");
        int count = reportCount(message.length);
        List<byte[]> reports = new ArrayList<>(count);
        int offset = 0;
        for (int sequence = 0; sequence < count; sequence++) {
            byte[] report = new byte[REPORT_SIZE];
            report[0] = (byte) (channel >>> 8);
            report[1] = (byte) channel;
            report[TAG_OFFSET] = TAG_APDU;
            report[SEQUENCE_OFFSET] = (byte) (sequence >>> 8);
            report[SEQUENCE_OFFSET + 1] = (byte) sequence;
            int dataAt = HEADER_SIZE;
            if (sequence == 0) {
                report[LENGTH_OFFSET] = (byte) (message.length >>> 8);
                report[LENGTH_OFFSET + 1] = (byte) message.length;
                dataAt += 2;
            }
            int chunk = Math.min(REPORT_SIZE - dataAt, message.length - offset);
            System.arraycopy(message, offset, report, dataAt, chunk);
            offset += chunk;
            reports.add(report);
        }
        return reports;
    }
}
