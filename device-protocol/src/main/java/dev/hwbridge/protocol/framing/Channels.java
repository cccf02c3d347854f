package dev.hwbridge.protocol.framing;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;

/** Channel ids: formatting for logs, and allocation of fresh ones on a device. */
public final class Channels {

    private Channels() {
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
