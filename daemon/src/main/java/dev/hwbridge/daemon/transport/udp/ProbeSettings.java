package dev.hwbridge.daemon.transport.udp;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link UdpBus} probes for simulators.
 *
 * @param interval           the pause between two probe rounds
 * @param timeout            how long one round waits for answers
 * @param missesBeforeDetach how many rounds in a row an attached device may miss before it counts as gone
 */
public record ProbeSettings(Duration interval, Duration timeout, int missesBeforeDetach) {

    /** 500 ms between rounds, 500 ms to answer, gone after 3 missed rounds in a row. */
    public static final ProbeSettings DEFAULT = new ProbeSettings(Duration.ofMillis(500), Duration.ofMillis(500), 3);

    public ProbeSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the probe interval and timeout must be positive");
        }
        if (missesBeforeDetach < 1) {
            throw new IllegalArgumentException("missesBeforeDetach must be at least 1");
        }
    }
}
