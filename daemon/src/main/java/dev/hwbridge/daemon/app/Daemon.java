package dev.hwbridge.daemon.app;

import dev.hwbridge.daemon.loop.IoLoop;
import dev.hwbridge.daemon.origin.OriginApprovals;
import dev.hwbridge.daemon.rpc.MethodRegistry;
import dev.hwbridge.daemon.server.ConnectionLimits;
import dev.hwbridge.daemon.server.DaemonServer;
import dev.hwbridge.daemon.server.ServerSettings;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running daemon: its context, its methods and its server, started and stopped together. */
public final class Daemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final DaemonContext context;
    private final DaemonServer server;

    private Daemon(DaemonContext context, DaemonServer server) {
        this.context = context;
        this.server = server;
    }

    /**
     * Registers the methods and starts listening.
     *
     * @throws IOException if the address cannot be bound
     */
    public static Daemon start(DaemonConfig config) throws IOException {
        Objects.requireNonNull(config, "config");
        if (!config.bind().isLoopbackAddress()) {
            LOG.warn("listening on {}, which is not a loopback address: anyone who can reach it may use your"
                    + " devices (only pages of allowed origins are kept out)", config.bind().getHostAddress());
        }
        DaemonContext context = new DaemonContext(config, DaemonVersion.current());
        try {
            // Closed last: the devices and the server run on it.
            IoLoop loop = context.closeOnStop(IoLoop.start());
            MethodRegistry registry = new MethodRegistry();
            OriginApprovals approvals = BridgeMethods.registerAll(registry, context, loop);
            ServerSettings settings = new ServerSettings(config.bind(), config.port(), config.allowOrigins(),
                    ConnectionLimits.forRate(config.callsPerSecond()));
            DaemonServer server = DaemonServer.start(settings, registry, context, approvals, loop);
            approvals.daemonPort(server.port());
            return new Daemon(context, server);
        } catch (IOException | RuntimeException e) {
            context.close();
            throw e;
        }
    }

    public URI webSocketUri() {
        return server.webSocketUri();
    }

    public int port() {
        return server.port();
    }

    public DaemonContext context() {
        return context;
    }

    /** Closes every connection, then what the methods opened (devices, registry). */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            context.close();
        }
    }
}
