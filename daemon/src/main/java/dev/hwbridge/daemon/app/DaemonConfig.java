package dev.hwbridge.daemon.app;

import dev.hwbridge.daemon.server.AccessPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the command line decides about a daemon run.
 *
 * @param port            the WebSocket port (0: any free one)
 * @param bind            the address to listen on
 * @param allowOrigins    origins allowed beyond the daemon's own pages, normalised
 * @param simulators      UDP addresses of simulators to look for (loopback)
 * @param dataDir         where the account registry lives
 * @param allowRemoteBind whether a non-loopback {@code bind} was explicitly permitted
 * @param hidEnabled      whether to look for USB HID devices
 * @param usbEnabled      whether to look for raw USB (libusb) devices
 * @param callsPerSecond  calls one WebSocket connection may make per second before it is slowed
 * @param speculos        TCP APDU ports of Ledger emulators to look for (Speculos, {@code simulator run --ledger}; loopback)
 */
public record DaemonConfig(int port, InetAddress bind, List<String> allowOrigins, List<InetSocketAddress> simulators,
                           Path dataDir, boolean allowRemoteBind, boolean hidEnabled, boolean usbEnabled,
                           int callsPerSecond, List<InetSocketAddress> speculos) {

    public static final int DEFAULT_PORT = 21335;
    /** {@link dev.hwbridge.daemon.server.ConnectionLimits#DEFAULT}'s rate: far above what a wallet needs. */
    public static final int DEFAULT_CALLS_PER_SECOND = 50;
    /** Beyond this the limit means nothing: no device answers faster. */
    public static final int MAX_CALLS_PER_SECOND = 1_000_000;

    /**
     * @throws IllegalArgumentException for a port out of range, a malformed origin, a simulator
     *     that is not on loopback, a non-loopback bind without {@code allowRemoteBind}, or a call
     *     rate outside 1..{@value #MAX_CALLS_PER_SECOND}
     */
    public DaemonConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("the port must be 0..65535, got " + port);
        }
        if (!bind.isLoopbackAddress() && !allowRemoteBind) {
            throw new IllegalArgumentException("refusing to listen on " + bind.getHostAddress()
                    + ", which is not a loopback address: anyone who can reach it could use your devices"
                    + " (pass --allow-remote-bind to do it anyway)");
        }
        allowOrigins = allowOrigins.stream().map(AccessPolicy::normalizeOrigin).distinct().toList();
        for (InetSocketAddress simulator : simulators) {
            if (simulator.isUnresolved() || !simulator.getAddress().isLoopbackAddress()) {
                throw new IllegalArgumentException("a simulator must be on this machine (loopback): " + simulator);
            }
        }
        simulators = List.copyOf(simulators);
        for (InetSocketAddress emulator : speculos) {
            if (emulator.isUnresolved() || !emulator.getAddress().isLoopbackAddress()) {
                throw new IllegalArgumentException("a Speculos port must be on this machine (loopback): " + emulator);
            }
        }
        speculos = List.copyOf(speculos);
        if (callsPerSecond < 1 || callsPerSecond > MAX_CALLS_PER_SECOND) {
            throw new IllegalArgumentException("the call rate (--calls-per-second) must be 1.." + MAX_CALLS_PER_SECOND + ", got "
                    + callsPerSecond);
        }
    }

    /** No Speculos port. */
    public DaemonConfig(int port, InetAddress bind, List<String> allowOrigins, List<InetSocketAddress> simulators,
                        Path dataDir, boolean allowRemoteBind, boolean hidEnabled, boolean usbEnabled,
                        int callsPerSecond) {
        this(port, bind, allowOrigins, simulators, dataDir, allowRemoteBind, hidEnabled, usbEnabled, callsPerSecond,
                List.of());
    }

    /** With the default call rate. */
    public DaemonConfig(int port, InetAddress bind, List<String> allowOrigins, List<InetSocketAddress> simulators,
                        Path dataDir, boolean allowRemoteBind, boolean hidEnabled, boolean usbEnabled) {
        this(port, bind, allowOrigins, simulators, dataDir, allowRemoteBind, hidEnabled, usbEnabled,
                DEFAULT_CALLS_PER_SECOND);
    }

    /** Loopback on {@code port}, the default data directory, no simulator, USB on: a plain run. */
    public static DaemonConfig defaults(int port) {
        return new DaemonConfig(port, InetAddress.getLoopbackAddress(), List.of(), List.of(),
                defaultDataDir(System.getenv(), System.getProperty("user.home")), false, true, true);
    }

    /** {@code $XDG_DATA_HOME/hwbridge} if that is set to an absolute path, else {@code ~/.local/share/hwbridge}. */
    public static Path defaultDataDir(Map<String, String> environment, String userHome) {
        String xdg = environment.get("XDG_DATA_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "hwbridge");
        }
        return Path.of(userHome, ".local", "share", "hwbridge");
    }
}
