package dev.hwbridge.protocol.client;

import dev.hwbridge.protocol.framing.Channels;
import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.FramingException;
import dev.hwbridge.protocol.framing.HidFraming;
import dev.hwbridge.protocol.framing.Reassembler;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads reports from a port and rebuilds the frames of one channel. Reports for any other
 * channel are dropped before reassembly: they belong to another host, or to an exchange this
 * client abandoned, and must neither answer nor disturb this one. Not thread-safe: one reader.
 */
final class ChannelReader {

    private final ReportPort port;
    private final int channel;
    private final Reassembler reassembler = new Reassembler();
    private final boolean reused;
    private long lastActivity = System.nanoTime();

    ChannelReader(ReportPort port, int channel) {
        this(port, channel, false);
    }

    /**
     * @param reused the channel carried earlier exchanges (message ids, PROTOCOL.md §4.1): a
     *               continuation report arriving with nothing half-received is a leftover of one
     *               of them (a repeated datagram) and is dropped instead of breaking the framing
     */
    ChannelReader(ReportPort port, int channel, boolean reused) {
        this.port = port;
        this.channel = channel;
        this.reused = reused;
    }

    /**
     * Reads at most one report, waiting up to {@code wait}.
     *
     * @return the frame that report completed on this channel; empty if none came, it was for
     *         another channel, or more reports are needed
     * @throws DeviceClientException DEVICE_GONE or INTERRUPTED from the port; PROTOCOL_ERROR for
     *                               a report of the wrong size or one that breaks the framing rules
     */
    Optional<Frame> poll(Duration wait) throws DeviceClientException {
        try {
            // A device sends a frame's reports back to back (§9): a message still half-received
            // after the timeout lost a report, or its first report came after the rest, which a
            // reused channel dropped as leftovers. Waiting out the idle timeout would not help.
            reassembler.expire();
        } catch (FramingException e) {
            throw brokenFraming(e);
        }
        Optional<byte[]> read;
        try {
            read = port.read(wait);
        } catch (IOException e) {
            throw DeviceClientException.fromPort(e);
        }
        if (read == null || read.isEmpty()) {
            return Optional.empty();
        }
        byte[] report = read.get();
        if (report.length != HidFraming.REPORT_SIZE) {
            throw new DeviceClientException(DeviceClientException.Code.PROTOCOL_ERROR,
                    "the device sent a report of " + report.length + " bytes; reports have " + HidFraming.REPORT_SIZE);
        }
        if (Channels.of(report) != channel) {
            return Optional.empty();
        }
        lastActivity = System.nanoTime();
        if (reused && (report[HidFraming.COMMAND_OFFSET] & HidFraming.INIT_BIT) == 0
                && reassembler.pendingChannel().isEmpty()) {
            return Optional.empty();
        }
        try {
            return reassembler.accept(report);
        } catch (FramingException e) {
            throw brokenFraming(e);
        }
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
}
