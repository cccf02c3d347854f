package dev.hwbridge.protocol.framing;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;

/** Channel ids: reading one from a report, formatting for logs, and allocation of fresh ones on a device. */
public final class Channels {

    private Channels() {
    }

    /**
     * The channel id of a report: its first four bytes, big-endian (PROTOCOL.md §2). The one place
     * that reads it, for the host, the device and the tests alike.
     *
     * @throws IllegalArgumentException if {@code report} is shorter than four bytes
     */
    public static int of(byte[] report) {
        if (report.length < 4) {
            throw new IllegalArgumentException("a report starts with a 4-byte channel id, got " + report.length + " bytes");
        }
        return ((report[0] & 0xFF) << 24) | ((report[1] & 0xFF) << 16) | ((report[2] & 0xFF) << 8) | (report[3] & 0xFF);
    }

    /** {@code 0x0000002a}-style text for a channel id. */
    public static String format(int channel) {
        return "0x" + HexFormat.of().toHexDigits(channel);
    }

    /**
     * A random channel id that is neither reserved (0) nor the broadcast channel; random so that
     * a host cannot guess another host's channel.
     */
    public static int allocate(Random random) {
        int channel;
        do {
            channel = random.nextInt();
        } while (channel == HidFraming.RESERVED_CHANNEL || channel == HidFraming.BROADCAST_CHANNEL);
        return channel;
    }

    /** {@link #allocate(Random)} with a {@link SecureRandom}. */
    public static int allocate() {
        return allocate(new SecureRandom());
    }
}
