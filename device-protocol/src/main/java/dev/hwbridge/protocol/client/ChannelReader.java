package dev.hwbridge.protocol.client;

import dev.hwbridge.protocol.framing.Channels;
import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.FramingException;
import dev.hwbridge.protocol.framing.HidFraming;
import dev.hwbridge.protocol.framing.Reassembler;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Rebuilds the frames of one channel from the reports fed to it. Reports for any other channel
 * are dropped before reassembly: they belong to another host, or to an exchange this client
 * abandoned, and must neither answer nor disturb this one. Not thread-safe: one feeder.
 */
final class ChannelReader {

    private static final long MESSAGE_TIMEOUT_NANOS = HidFraming.MESSAGE_TIMEOUT.toNanos();

    private final int channel;
    private final Reassembler reassembler = new Reassembler();
    private final boolean reused;
    private long lastActivity = System.nanoTime();
    /** When the half-received message began (System.nanoTime); meaningful while the reassembler is busy. */
    private long partialSince;

    /**
     * @param reused the channel carried earlier exchanges (message ids, PROTOCOL.md §4.1): a
     *               continuation report arriving with nothing half-received is a leftover of one
     *               of them (a repeated datagram) and is dropped instead of breaking the framing
     */
    ChannelReader(int channel, boolean reused) {
        this.channel = channel;
        this.reused = reused;
    }

    /**
     * Takes one report.
     *
     * @return the frame it completed on this channel; empty if it was for another channel, a
     *         leftover, or more reports are needed
     * @throws DeviceClientException PROTOCOL_ERROR for a report of the wrong size, one that breaks
     *                               the framing rules, or a message left half-received too long
     */
    Optional<Frame> accept(byte[] report) throws DeviceClientException {
        expire();
        if (report.length != HidFraming.REPORT_SIZE) {
            throw new DeviceClientException(DeviceClientException.Code.PROTOCOL_ERROR,
                    "the device sent a report of " + report.length + " bytes; reports have " + HidFraming.REPORT_SIZE);
        }
        if (Channels.of(report) != channel) {
            return Optional.empty();
        }
        lastActivity = System.nanoTime();
        boolean busy = reassembler.isBusy();
        if (reused && (report[HidFraming.COMMAND_OFFSET] & HidFraming.INIT_BIT) == 0 && !busy) {
            return Optional.empty();
        }
        try {
            Optional<Frame> frame = reassembler.accept(report);
            if (!busy && reassembler.isBusy()) {
                partialSince = System.nanoTime();
            }
            return frame;
        } catch (FramingException e) {
            throw brokenFraming(e);
        }
    }

    /**
     * Fails a message still half-received after the timeout. A device sends a frame's reports
     * back to back (§9): such a message lost a report, or its first report came after the rest,
     * which a reused channel dropped as leftovers. Waiting out the idle timeout would not help.
     *
     * @throws DeviceClientException PROTOCOL_ERROR (MESSAGE_TIMEOUT)
     */
    void expire() throws DeviceClientException {
        try {
            reassembler.expire();
        } catch (FramingException e) {
            throw brokenFraming(e);
        }
    }

    /** When {@link #expire()} will fail the half-received message (System.nanoTime); empty when none is. */
    OptionalLong partialDeadline() {
        return reassembler.isBusy() ? OptionalLong.of(partialSince + MESSAGE_TIMEOUT_NANOS) : OptionalLong.empty();
    }

    private DeviceClientException brokenFraming(FramingException e) {
        return new DeviceClientException(DeviceClientException.Code.PROTOCOL_ERROR,
                "the device broke the framing on channel " + Channels.format(channel) + " (" + e.error() + "): "
                        + e.getMessage(), e);
    }

    /** When the last report on this channel arrived (System.nanoTime), or when this reader was made or touched. */
    long lastActivity() {
        return lastActivity;
    }

    /** Restarts the idle clock, e.g. once a long request has been written. */
    void touch() {
        lastActivity = System.nanoTime();
    }

    /** Forgets a half-received message (zeroing it). */
    void reset() {
        reassembler.reset();
    }
}
