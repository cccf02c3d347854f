package dev.hwbridge.simulator.device;

import java.time.Duration;

/** Waits for a while: the PIN delay goes through this so tests can record it instead of waiting. */
@FunctionalInterface
public interface Sleeper {

    /** Returns after {@code duration} (at once for zero or negative). */
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep}. */
    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };
}
