package dev.hwbridge.protocol.framing;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * Rebuilds frames from 64-byte reports fed one at a time, with a single reassembly slot as a
 * CTAPHID device has. The rules, in the order they are checked:
 *
 * <ol>
 *   <li>A report that is not 64 bytes: INVALID_LENGTH; channel 0: INVALID_CHANNEL. The pending
 *       message, if any, is kept.</li>
 *   <li>A pending message older than the timeout is dropped first. If the report continues that
 *       message: MESSAGE_TIMEOUT; otherwise the report is read as if the slot were free.
 *       {@link #expire()} reports a timeout without waiting for another report.</li>
 *   <li>An INIT or CANCEL init packet on the pending message's own channel drops it (resync) and
 *       is read normally. Any other init packet there drops it too, and is itself refused with
 *       INVALID_SEQUENCE (CTAPHID answers a new message mid-message with ERR_INVALID_SEQ).</li>
 *   <li>A single-report INIT on another channel passes through untouched, so a second host can
 *       allocate a channel and a liveness probe gets its answer while a message is half-received.
 *       Any other report on another channel: CHANNEL_BUSY, the pending message is kept.</li>
 *   <li>A declared length over 7609: INVALID_LENGTH, before anything is allocated.</li>
 *   <li>A continuation with nothing pending, or with the wrong sequence number: INVALID_SEQUENCE
 *       (a wrong sequence also drops the pending message).</li>
 *   <li>A complete message whose command byte is no {@link FrameCommand}: INVALID_COMMAND.</li>
 * </ol>
 *
 * <p>After any exception the reassembler is usable again. It allocates exactly the declared
 * length of the message being received ({@link #bufferedCapacity()}), never more than 7609 bytes,
 * and zeroes that buffer when the message completes or is dropped. Not thread-safe: one reader.
 */
public final class Reassembler {

    private final long timeoutNanos;
    private final LongSupplier nanoTicker;

    private int channel;
    private int commandByte;
    private byte[] buffer;
    private int received;
    private int nextSequence;
    private long startedAt;

    /** A reassembler with the 3-second CTAPHID-like timeout on the system's nano clock. */
    public Reassembler() {
        this(HidFraming.MESSAGE_TIMEOUT, System::nanoTime);
    }

    /**
     * @param timeout    how long a half-received message may stay pending, counted from its init packet
     * @param nanoTicker a monotonic clock in nanoseconds ({@code System::nanoTime}, or a fake in tests)
     */
    public Reassembler(Duration timeout, LongSupplier nanoTicker) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.timeoutNanos = timeout.toNanos();
        this.nanoTicker = Objects.requireNonNull(nanoTicker, "nanoTicker");
    }

    /**
     * Takes one report.
     *
     * @return the frame this report completed, or empty if more reports are needed
     * @throws FramingException when the report breaks a rule (see the class comment)
     */
    public Optional<Frame> accept(byte[] report) throws FramingException {
        Objects.requireNonNull(report, "report");
        if (report.length != HidFraming.REPORT_SIZE) {
            OptionalInt named = report.length >= HidFraming.CHANNEL_SIZE ? OptionalInt.of(Channels.of(report)) : OptionalInt.empty();
            throw new FramingException(FrameError.INVALID_LENGTH, named,
                    "a report has " + HidFraming.REPORT_SIZE + " bytes, got " + report.length);
        }
        int reportChannel = Channels.of(report);
        if (reportChannel == HidFraming.RESERVED_CHANNEL) {
            throw new FramingException(FrameError.INVALID_CHANNEL, reportChannel, "channel 0 is reserved");
        }
        int typeByte = report[HidFraming.COMMAND_OFFSET] & 0xFF;
        boolean init = (typeByte & HidFraming.INIT_BIT) != 0;
        if (isBusy() && expired()) {
            int stale = channel;
            drop();
            if (!init && reportChannel == stale) {
                throw timeout(stale);
            }
        }
        return init ? acceptInit(report, reportChannel, typeByte) : acceptContinuation(report, reportChannel, typeByte);
    }

    /**
     * Drops a pending message that has timed out, and says so; does nothing otherwise. A device
     * calls this whenever a read times out, so the sender hears of the timeout promptly.
     *
     * @throws FramingException MESSAGE_TIMEOUT on the dropped message's channel
     */
    public void expire() throws FramingException {
        if (isBusy() && expired()) {
            int stale = channel;
            drop();
            throw timeout(stale);
        }
    }

    /** True while a message is half-received. */
    public boolean isBusy() {
        return buffer != null;
    }

    /** The channel of the half-received message, if any. */
    public OptionalInt pendingChannel() {
        return isBusy() ? OptionalInt.of(channel) : OptionalInt.empty();
    }

    /**
     * The bytes held for the half-received message: its declared length (at most 7609), or 0 when
     * nothing is pending.
     */
    public int bufferedCapacity() {
        return isBusy() ? buffer.length : 0;
    }

    /** Forgets any half-received message. */
    public void reset() {
        drop();
    }

    private Optional<Frame> acceptInit(byte[] report, int reportChannel, int commandCode) throws FramingException {
        int length = ((report[HidFraming.LENGTH_OFFSET] & 0xFF) << 8) | (report[HidFraming.LENGTH_OFFSET + 1] & 0xFF);
        if (isBusy()) {
            boolean resync = commandCode == FrameCommand.INIT.code() || commandCode == FrameCommand.CANCEL.code();
            if (reportChannel == channel) {
                drop();
                if (!resync) {
                    throw new FramingException(FrameError.INVALID_SEQUENCE, reportChannel,
                            "a new message began on channel " + Channels.format(reportChannel) + " before the last one was complete");
                }
            } else if (!(commandCode == FrameCommand.INIT.code() && length <= HidFraming.INIT_DATA_SIZE)) {
                throw new FramingException(FrameError.CHANNEL_BUSY, reportChannel,
                        "channel " + Channels.format(channel) + " is sending a message");
            } else {
                return Optional.of(completeSingle(report, reportChannel, commandCode, length));
            }
        }
        if (length > HidFraming.MAX_MESSAGE_SIZE) {
            throw new FramingException(FrameError.INVALID_LENGTH, reportChannel,
                    "declared length " + length + " is over the limit of " + HidFraming.MAX_MESSAGE_SIZE);
        }
        if (length <= HidFraming.INIT_DATA_SIZE) {
            return Optional.of(completeSingle(report, reportChannel, commandCode, length));
        }
        channel = reportChannel;
        commandByte = commandCode;
        buffer = new byte[length];
        System.arraycopy(report, HidFraming.INIT_HEADER_SIZE, buffer, 0, HidFraming.INIT_DATA_SIZE);
        received = HidFraming.INIT_DATA_SIZE;
        nextSequence = 0;
        startedAt = nanoTicker.getAsLong();
        return Optional.empty();
    }

    private Optional<Frame> acceptContinuation(byte[] report, int reportChannel, int sequence) throws FramingException {
        if (!isBusy()) {
            throw new FramingException(FrameError.INVALID_SEQUENCE, reportChannel,
                    "continuation " + sequence + " without an init packet");
        }
        if (reportChannel != channel) {
            throw new FramingException(FrameError.CHANNEL_BUSY, reportChannel,
                    "channel " + Channels.format(channel) + " is sending a message");
        }
        if (sequence != nextSequence) {
            int expected = nextSequence;
            drop();
            throw new FramingException(FrameError.INVALID_SEQUENCE, reportChannel,
                    "expected continuation " + expected + ", got " + sequence);
        }
        int chunk = Math.min(buffer.length - received, HidFraming.CONTINUATION_DATA_SIZE);
        System.arraycopy(report, HidFraming.CONTINUATION_HEADER_SIZE, buffer, received, chunk);
        received += chunk;
        nextSequence++;
        if (received < buffer.length) {
            return Optional.empty();
        }
        try {
            return Optional.of(complete(channel, commandByte, buffer));
        } finally {
            drop();
        }
    }

    private static Frame completeSingle(byte[] report, int frameChannel, int commandCode, int length)
            throws FramingException {
        byte[] payload = Arrays.copyOfRange(report, HidFraming.INIT_HEADER_SIZE, HidFraming.INIT_HEADER_SIZE + length);
        try {
            return complete(frameChannel, commandCode, payload);
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }

    private static Frame complete(int frameChannel, int commandCode, byte[] payload) throws FramingException {
        FrameCommand command = FrameCommand.fromCode(commandCode).orElseThrow(() -> new FramingException(
                FrameError.INVALID_COMMAND, frameChannel, "unknown command 0x" + Integer.toHexString(commandCode)));
        return new Frame(frameChannel, command, payload);
    }

    private boolean expired() {
        return nanoTicker.getAsLong() - startedAt >= timeoutNanos;
    }

    private static FramingException timeout(int staleChannel) {
        return new FramingException(FrameError.MESSAGE_TIMEOUT, staleChannel,
                "the message on channel " + Channels.format(staleChannel) + " was not completed in time");
    }

    private void drop() {
        if (buffer != null) {
            // The message may have carried a JSON file's password.
            Arrays.fill(buffer, (byte) 0);
        }
        buffer = null;
        received = 0;
        nextSequence = 0;
    }
}
