package dev.hwbridge.simulator.device;

import java.time.Duration;

/**
 * How long the device waits before it compares a PIN, given the failures already counted: nothing
 * for the first three attempts; after the third failure in a row, 1 s, then 2 s, 4 s, … doubling
 * up to 60 s. The wait comes after the attempt is counted and persisted, so restarting the device
 * neither skips it nor resets it. Stateless.
 */
public final class PinDelay {

    /** Failures in a row after which every further attempt waits. */
    public static final int FREE_ATTEMPTS = 3;
    public static final Duration MAX = Duration.ofSeconds(60);

    private PinDelay() {
    }

    /** The wait before comparing an attempt made after {@code previousFailures} failures in a row. */
    public static Duration before(int previousFailures) {
        if (previousFailures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int exponent = previousFailures - FREE_ATTEMPTS;
        if (exponent >= 6) {
            return MAX;
        }
        Duration delay = Duration.ofSeconds(1L << exponent);
        return delay.compareTo(MAX) > 0 ? MAX : delay;
    }
}
