package dev.hwbridge.daemon.server;

import java.util.OptionalInt;

/** What {@code GET /health} reports. Implementations are called on an I/O thread and must not block. */
public interface HealthSource {

    /** The daemon's version, e.g. {@code 0.1.0}. */
    String version();

    /** How many devices are attached, if the daemon tracks devices yet. */
    OptionalInt deviceCount();
}
