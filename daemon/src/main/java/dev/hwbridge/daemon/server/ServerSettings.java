package dev.hwbridge.daemon.server;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the daemon listens.
 *
 * @param bindAddress  the address to listen on (loopback unless the user insisted otherwise)
 * @param port         the port; 0 picks a free one (tests)
 * @param allowOrigins origins allowed beyond the daemon's own pages, normalised
 * @param limits       per-connection call limits
 * @param caps         the daemon-wide bounds on connections and bytes
 */
public record ServerSettings(InetAddress bindAddress, int port, List<String> allowOrigins, ConnectionLimits limits,
                             ServerCaps caps) {

    public ServerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(caps, "caps");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("the port must be 0..65535, got " + port);
        }
        allowOrigins = allowOrigins.stream().map(AccessPolicy::normalizeOrigin).toList();
    }

    /** With the default {@link ServerCaps}. */
    public ServerSettings(InetAddress bindAddress, int port, List<String> allowOrigins, ConnectionLimits limits) {
        this(bindAddress, port, allowOrigins, limits, ServerCaps.DEFAULT);
    }

    public ServerSettings withCaps(ServerCaps newCaps) {
        return new ServerSettings(bindAddress, port, allowOrigins, limits, newCaps);
    }

    /** Loopback, a free port, no extra origins, default limits: what tests want. */
    public static ServerSettings loopbackEphemeral() {
        return new ServerSettings(InetAddress.getLoopbackAddress(), 0, List.of(), ConnectionLimits.DEFAULT);
    }
}
