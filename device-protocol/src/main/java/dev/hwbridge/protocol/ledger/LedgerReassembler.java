package dev.hwbridge.protocol.ledger;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Rebuilds one message from Ledger HID reports fed in order. Refuses, with
 * {@link LedgerError#FRAMING}: a report that is not 64 bytes, another channel, a tag other than
 * 0x05, a sequence number out of order, and a declared length over the limit given at
 * construction (checked before anything is allocated). A refused report drops the message being
 * received; the reassembler is then ready for a new one. Not thread-safe: one reader.
 */
public final class LedgerReassembler {

    private final int channel;
    private final int maxLength;

    private byte[] buffer;
    private int received;
    private int nextSequence;

    /** For channel 0x0101 and messages up to {@code maxLength} bytes (at most 65535). */
    public LedgerReassembler(int maxLength) {
        this(LedgerFraming.CHANNEL, maxLength);
    }

    public LedgerReassembler(int channel, int maxLength) {
        if (maxLength < 0 || maxLength > LedgerFraming.MAX_MESSAGE_SIZE) {
            throw new IllegalArgumentException("maxLength must be 0.." + LedgerFraming.MAX_MESSAGE_SIZE);
        }
        this.channel = channel & 0xFFFF;
        this.maxLength = maxLength;
    }

    /**
     * Takes the next report.
     *
     * @return the message this report completed, or empty if more reports are needed
     */
    public Optional<byte[]> accept(byte[] report) throws LedgerException {
        Objects.requireNonNull(report, "report");
        try {
            return read(report);
        } catch (LedgerException e) {
            reset();
            throw e;
        }
    }

    /** True while a message is half-received. */
    public boolean isBusy() {
        return buffer != null;
    }

    /** The bytes held for the message being received (its declared length), 0 when none is. */
    public int bufferedCapacity() {
        return buffer == null ? 0 : buffer.length;
    }

    /** Forgets a half-received message. */
    public void reset() {
        buffer = null;
        received = 0;
        nextSequence = 0;
    }

    private Optional<byte[]> read(byte[] report) throws LedgerException {
        if (report.length != LedgerFraming.REPORT_SIZE) {
            throw refused("a report has " + LedgerFraming.REPORT_SIZE + " bytes, got " + report.length);
        }
        int reportChannel = u16(report, 0);
        if (reportChannel != channel) {
            throw refused(String.format("channel 0x%04X, expected 0x%04X", reportChannel, channel));
        }
        int tag = report[LedgerFraming.TAG_OFFSET] & 0xFF;
        if (tag != LedgerFraming.TAG_APDU) {
            throw refused(String.format("tag 0x%02X, expected 0x05", tag));
        }
        int sequence = u16(report, LedgerFraming.SEQUENCE_OFFSET);
        if (sequence != nextSequence) {
            throw refused("sequence " + sequence + ", expected " + nextSequence);
        }
        int dataAt = LedgerFraming.HEADER_SIZE;
        if (sequence == 0) {
            int length = u16(report, LedgerFraming.LENGTH_OFFSET);
            if (length > maxLength) {
                throw refused("declared length " + length + " is over the limit of " + maxLength);
            }
            buffer = new byte[length];
            received = 0;
            dataAt += 2;
        }
        int chunk = Math.min(LedgerFraming.REPORT_SIZE - dataAt, buffer.length - received);
        System.arraycopy(report, dataAt, buffer, received, chunk);
        received += chunk;
        nextSequence++;
        if (received < buffer.length) {
            return Optional.empty();
        }
        byte[] message = Arrays.copyOf(buffer, buffer.length);
        reset();
        return Optional.of(message);
    }

    private static int u16(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }

    private static LedgerException refused(String message) {
        return new LedgerException(LedgerError.FRAMING, message);
    }
}
