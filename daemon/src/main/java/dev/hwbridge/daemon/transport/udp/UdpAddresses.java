package dev.hwbridge.daemon.transport.udp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Simulator addresses: parsing {@code 127.0.0.1:21336}-style text, the loopback-only rule, and
 * the device path a UDP device gets ({@code udp:127.0.0.1:21336}).
 */
public final class UdpAddresses {

    /** The transport name and path prefix of UDP devices. */
    public static final String TRANSPORT = "udp";

    // Only text InetAddress.getByName reads as a literal may reach it: it looks anything else up
    // in DNS, e.g. "999.0.0.1" or a name with a ':' in it.
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|[01]?\\d?\\d)";
    private static final Pattern IPV4_LITERAL = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f]*:[0-9A-Fa-f:.]*(%\\w+)?");

    private UdpAddresses() {
    }

    /**
     * Parses {@code host:port}, where host is a loopback IP literal ({@code 127.0.0.1},
     * {@code [::1]}) or {@code localhost}. Names are never looked up in DNS.
     *
     * @throws IllegalArgumentException for anything else, including a non-loopback address
     */
    public static InetSocketAddress parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected host:port, e.g. 127.0.0.1:21336");
        }
        String host = text.substring(0, colon).trim();
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port is not a number: " + text, e);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress address;
        if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
            address = InetAddress.getLoopbackAddress();
        } else if (IPV4_LITERAL.matcher(host).matches() || IPV6_LITERAL.matcher(host).matches()) {
            try {
                address = InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address: " + host, e);
            }
        } else {
            throw new IllegalArgumentException("a simulator address must be a loopback IP address or localhost: " + host);
        }
        return requireLoopback(new InetSocketAddress(address, checkPort(port)));
    }

    /**
     * Returns {@code address} if it is a resolved loopback address with a port.
     *
     * @throws IllegalArgumentException otherwise: simulators are reached on this machine only
     */
    public static InetSocketAddress requireLoopback(InetSocketAddress address) {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("not a loopback address: " + address.getHostString()
                    + " (simulators are reached on this machine only)");
        }
        checkPort(address.getPort());
        return address;
    }

    /** {@code udp:127.0.0.1:21336}, or {@code udp:[::1]:21336} for IPv6. */
    public static String path(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        if (address.getAddress() instanceof Inet6Address) {
            host = "[" + host + "]";
        }
        return TRANSPORT + ":" + host + ":" + address.getPort();
    }

    /** The loopback address of the same family, port 0: where a local socket talking to {@code peer} binds. */
    static InetSocketAddress localBindFor(InetSocketAddress peer) throws UnknownHostException {
        String loopback = peer.getAddress() instanceof Inet6Address ? "::1" : "127.0.0.1";
        return new InetSocketAddress(InetAddress.getByName(loopback), 0);
    }

    private static int checkPort(int port) {
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("the port must be 1..65535, got " + port);
        }
        return port;
    }
}
