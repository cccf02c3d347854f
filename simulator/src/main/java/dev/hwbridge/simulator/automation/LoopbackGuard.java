package dev.hwbridge.simulator.automation;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a request may reach the device: its Host must be a loopback name with our port
 * (a DNS-rebinding page sends its own host name), and an Origin, when present, must be our own
 * page's (a page elsewhere, even on another loopback port, must not press confirm).
 */
final class LoopbackGuard {

    private static final List<String> LOOPBACK_NAMES = List.of("127.0.0.1", "localhost", "[::1]");

    private final Set<String> hosts;
    private final Set<String> origins;

    LoopbackGuard(int port) {
        var hostSet = new java.util.HashSet<String>();
        var originSet = new java.util.HashSet<String>();
        for (String name : LOOPBACK_NAMES) {
            hostSet.add(name + ":" + port);
            originSet.add("http://" + name + ":" + port);
            if (port == 80) {
                // A client leaves out the default port, in Host and in Origin.
                hostSet.add(name);
                originSet.add("http://" + name);
            }
        }
        this.hosts = Set.copyOf(hostSet);
        this.origins = Set.copyOf(originSet);
    }

    /** Exactly one Host header naming a loopback name with our port. */
    boolean hostAllowed(List<String> hostHeaders) {
        return hostHeaders != null
                && hostHeaders.size() == 1
                && hosts.contains(hostHeaders.get(0).trim().toLowerCase(Locale.ROOT));
    }

    /** No Origin header, or exactly one naming our own origin. */
    boolean originAllowed(List<String> originHeaders) {
        if (originHeaders == null || originHeaders.isEmpty()) {
            return true;
        }
        return originHeaders.size() == 1
                && origins.contains(originHeaders.get(0).trim().toLowerCase(Locale.ROOT));
    }
}
