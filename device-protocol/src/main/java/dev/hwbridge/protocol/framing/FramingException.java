package dev.hwbridge.protocol.framing;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A report or frame that breaks the framing rules. {@link #error()} is the code a device sends
 * back in an ERROR frame, on {@link #channel()} when the report named one.
 */
public final class FramingException extends Exception {

    private final FrameError error;
    private final OptionalInt channel;

    public FramingException(FrameError error, OptionalInt channel, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    public FramingException(FrameError error, int channel, String message) {
        this(error, OptionalInt.of(channel), message);
    }

    public FrameError error() {
        return error;
    }

    /** The channel of the offending report, or empty when the report was too short to name one. */
    public OptionalInt channel() {
        return channel;
    }
}
