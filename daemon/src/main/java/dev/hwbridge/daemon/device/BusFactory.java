package dev.hwbridge.daemon.device;

import dev.hwbridge.daemon.transport.DeviceBus;
import java.util.Objects;

/**
 * How to start one configured bus, and its name for the log.
 *
 * @param name    e.g. "hid", or "udp 127.0.0.1:21336"
 * @param starter starts the bus; may fail (no native library, no permission)
 */
public record BusFactory(String name, Starter starter) {

    /** Starts a bus. */
    @FunctionalInterface
    public interface Starter {
        DeviceBus start() throws Exception;
    }

    public BusFactory {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(starter, "starter");
    }
}
