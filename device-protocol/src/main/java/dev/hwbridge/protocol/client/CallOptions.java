package dev.hwbridge.protocol.client;

import dev.hwbridge.protocol.framing.KeepaliveStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How long one {@link DeviceClient#call} may take and who hears the device's KEEPALIVEs.
 * Immutable; start from {@link #defaults()} and change what differs.
 *
 * @param idleTimeout the longest silence (no report at all on the client's channel) before the
 *                    call ends with TIMEOUT; every KEEPALIVE restarts it
 * @param deadline    an optional limit on the whole call, KEEPALIVEs or not (e.g. for a request
 *                    that needs no user action)
 * @param cancelGrace after {@link DeviceClient#cancel()}, how long the client waits for the
 *                    device's {@code Failure{CANCELLED}} before it ends the call with CANCELLED anyway
 * @param keepalives  told the status of every KEEPALIVE, on the calling thread
 */
public record CallOptions(Duration idleTimeout, Optional<Duration> deadline, Duration cancelGrace,
                          Consumer<KeepaliveStatus> keepalives) {

    /** PROTOCOL.md lets a host give up after 5 s of silence; twice that spares a busy machine. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);

    /** A device answers a CANCEL at once; this only covers a slow or broken one. */
    public static final Duration DEFAULT_CANCEL_GRACE = Duration.ofSeconds(2);

    public CallOptions {
        requirePositive(idleTimeout, "idleTimeout");
        Objects.requireNonNull(deadline, "deadline");
        deadline.ifPresent(d -> requirePositive(d, "deadline"));
        requirePositive(cancelGrace, "cancelGrace");
        Objects.requireNonNull(keepalives, "keepalives");
    }

    /** Idle timeout 10 s, no deadline, cancel grace 2 s, KEEPALIVEs ignored. */
    public static CallOptions defaults() {
        return new CallOptions(DEFAULT_IDLE_TIMEOUT, Optional.empty(), DEFAULT_CANCEL_GRACE, status -> { });
    }

    public CallOptions withIdleTimeout(Duration timeout) {
        return new CallOptions(timeout, deadline, cancelGrace, keepalives);
    }

    public CallOptions withDeadline(Duration limit) {
        return new CallOptions(idleTimeout, Optional.of(limit), cancelGrace, keepalives);
    }

    public CallOptions withCancelGrace(Duration grace) {
        return new CallOptions(idleTimeout, deadline, grace, keepalives);
    }

    public CallOptions withKeepaliveListener(Consumer<KeepaliveStatus> listener) {
        return new CallOptions(idleTimeout, deadline, cancelGrace, listener);
    }

    static Duration requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return duration;
    }
}
