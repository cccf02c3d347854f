package dev.hwbridge.daemon.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which HTTP requests may reach the daemon at all, judged on their Host and Origin headers.
 *
 * <p>Host must name this machine by a loopback name (127.0.0.1, localhost, [::1]), or the literal
 * bind address, with the daemon's own port: a page on evil.example whose DNS name is re-pointed at
 * 127.0.0.1 (DNS rebinding) still sends {@code Host: evil.example:PORT} and is refused.
 *
 * <p>Origin, when present, must be exactly one of the allowed origins (scheme, host and port
 * compared whole: no subdomain or suffix rules, the node bridge's suffix bug): by default the daemon's own
 * pages {@code http://127.0.0.1:PORT}, {@code http://localhost:PORT} and {@code http://[::1]:PORT},
 * plus any {@code --allow-origin}. A request without Origin comes from a native app or a script,
 * not from a web page, and is allowed: Origin protects against browsers only, since any local
 * process can send whatever it likes. Immutable.
 */
public final class AccessPolicy {

    private static final List<String> LOOPBACK_HOSTS = List.of("127.0.0.1", "localhost", "[::1]");
    private static final Pattern ORIGIN = Pattern.compile(
            "([a-z][a-z0-9+.-]*)://([a-z0-9._~-]+|\\[[0-9a-f:.]+\\])(?::([0-9]{1,5}))?");
    private static final Pattern HOST = Pattern.compile("([a-z0-9._~-]+|\\[[0-9a-f:.]+\\])(?::([0-9]{1,5}))?");

    private final int port;
    private final Set<String> hosts;
    private final Set<String> origins;

    private AccessPolicy(int port, Set<String> hosts, Set<String> origins) {
        this.port = port;
        this.hosts = Set.copyOf(hosts);
        this.origins = Set.copyOf(origins);
    }

    /**
     * @param port         the port the daemon really listens on (after binding port 0)
     * @param bindAddress  the address it listens on; a specific one is also accepted as Host
     * @param extraOrigins allowed origins beyond the daemon's own (normalised or not)
     * @throws IllegalArgumentException if an extra origin is malformed
     */
    public static AccessPolicy forPort(int port, InetAddress bindAddress, Collection<String> extraOrigins) {
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("not a listening port: " + port);
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (String host : LOOPBACK_HOSTS) {
            hosts.add(canonicalHost(host));
        }
        if (!bindAddress.isAnyLocalAddress()) {
            hosts.add(literal(bindAddress));
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String host : hosts) {
            origins.add("http://" + host + ":" + port);
        }
        for (String origin : extraOrigins) {
            origins.add(normalizeOrigin(origin));
        }
        return new AccessPolicy(port, hosts, origins);
    }

    /**
     * An origin in the form browsers send it: lower case {@code scheme://host[:port]}, the default
     * port of http/https dropped; a trailing slash is tolerated.
     *
     * @throws IllegalArgumentException if {@code origin} is not of that form (or is "null")
     */
    public static String normalizeOrigin(String origin) {
        Objects.requireNonNull(origin, "origin");
        String text = origin.trim().toLowerCase(Locale.ROOT);
        if (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        Optional<String> normalized = parseOrigin(text);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("not an origin (scheme://host[:port], no path): " + origin);
        }
        return normalized.get();
    }

    /**
     * Why a request with these headers must be refused, or empty if it may pass.
     *
     * @param hostHeaders   every Host header of the request
     * @param originHeaders every Origin header of the request
     */
    public Optional<String> refusal(List<String> hostHeaders, List<String> originHeaders) {
        if (hostHeaders.size() != 1) {
            return Optional.of(hostHeaders.isEmpty() ? "no Host header" : "several Host headers");
        }
        if (!hostAllowed(hostHeaders.get(0))) {
            return Optional.of("Host is not this daemon on a loopback name");
        }
        if (originHeaders.size() > 1) {
            return Optional.of("several Origin headers");
        }
        if (originHeaders.size() == 1 && !originAllowed(originHeaders.get(0))) {
            return Optional.of("Origin is not allowed");
        }
        return Optional.empty();
    }

    /** True if {@code host} (a Host header value) names this daemon: allowed name and its port. */
    public boolean hostAllowed(String host) {
        if (host == null) {
            return false;
        }
        Matcher m = HOST.matcher(host.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return false;
        }
        // Null for a malformed bracketed literal ([1.2.3.4], [::ffff:127.0.0.1]); Set.of refuses null.
        String name = canonicalHost(m.group(1));
        if (name == null || !hosts.contains(name)) {
            return false;
        }
        // Without a port the browser means the scheme's default, 80 for http.
        int requested = m.group(2) == null ? 80 : Integer.parseInt(m.group(2));
        return requested == port;
    }

    /** True if {@code origin} (an Origin header value) is in the allowlist; "null" never is. */
    public boolean originAllowed(String origin) {
        if (origin == null) {
            return false;
        }
        Optional<String> normalized = parseOrigin(origin.trim().toLowerCase(Locale.ROOT));
        return normalized.isPresent() && origins.contains(normalized.get());
    }

    /** The allowed origins, normalised. */
    public Set<String> allowedOrigins() {
        return origins;
    }

    private static Optional<String> parseOrigin(String lowerCase) {
        Matcher m = ORIGIN.matcher(lowerCase);
        if (!m.matches()) {
            return Optional.empty();
        }
        String scheme = m.group(1);
        String host = canonicalHost(m.group(2));
        String port = m.group(3);
        if (host == null) {
            return Optional.empty();
        }
        if (port != null) {
            int number = Integer.parseInt(port);
            if (number < 1 || number > 0xFFFF) {
                return Optional.empty();
            }
            boolean defaultPort = scheme.equals("http") && number == 80 || scheme.equals("https") && number == 443;
            port = defaultPort ? null : Integer.toString(number);
        }
        return Optional.of(scheme + "://" + host + (port == null ? "" : ":" + port));
    }

    /** IPv6 literals in one spelling ({@code [::1]} and {@code [0:0::1]} alike); null if malformed. */
    private static String canonicalHost(String host) {
        if (!host.startsWith("[")) {
            return host;
        }
        String inner = host.substring(1, host.length() - 1);
        if (!inner.contains(":")) {
            return null;
        }
        try {
            // A literal with a colon is parsed, never looked up in DNS.
            InetAddress address = InetAddress.getByName(inner);
            return address instanceof Inet6Address ? literal(address) : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String literal(InetAddress address) {
        String text = address.getHostAddress();
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        return address instanceof Inet6Address ? "[" + text + "]" : text;
    }
}
