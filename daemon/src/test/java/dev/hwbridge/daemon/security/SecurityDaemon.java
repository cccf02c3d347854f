package dev.hwbridge.daemon.security;

import dev.hwbridge.daemon.app.Daemon;
import dev.hwbridge.daemon.app.DaemonConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * The daemon as it ships ({@link Daemon#start} with the default limits), on loopback at a free
 * port, without devices: what the security tests attack.
 */
final class SecurityDaemon {

    /** The extra origin every test daemon allows, as a user would with {@code --allow-origin}. */
    static final String ALLOWED_ORIGIN = "https://wallet.example";

    private SecurityDaemon() {
    }

    static Daemon start(Path dataDir) throws IOException {
        return Daemon.start(new DaemonConfig(0, InetAddress.getLoopbackAddress(), List.of(ALLOWED_ORIGIN), List.of(),
                dataDir, false, false, false));
    }

    /** A port other than {@code port}, for "another service on this machine". */
    static int otherPort(int port) {
        return port == 65535 ? port - 1 : port + 1;
    }
}
