package dev.hwbridge.daemon.server;

import dev.hwbridge.daemon.loop.IoLoop;
import dev.hwbridge.daemon.rpc.JsonRpcDispatcher;
import dev.hwbridge.daemon.rpc.MethodRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's network side: a Netty server with a WebSocket speaking JSON-RPC 2.0 at {@code /},
 * {@code GET /health}, and static files, on the daemon's {@link IoLoop}. A call that waits for its
 * device starts there and holds no thread; a call that may block runs on a worker thread.
 * {@link #close()} says goodbye to every connection (1001), interrupts running calls and stops
 * the threads. Thread-safe.
 */
public final class DaemonServer implements AutoCloseable {

    /** Threads for calls that need no device (a call waiting for its device holds none). */
    static final int MAX_WORKERS = 256;
    private static final long SHUTDOWN_TIMEOUT_MS = 3000;

    private static final Logger LOG = LoggerFactory.getLogger(DaemonServer.class);

    private final IoLoop loop;
    private final boolean ownLoop;
    private final ThreadPoolExecutor workers;
    private final ScheduledFuture<?> refusalFlush;
    private final ChannelGroup channels;
    private final Channel serverChannel;
    private final InetSocketAddress address;
    private boolean closed;

    private DaemonServer(IoLoop loop, boolean ownLoop, ThreadPoolExecutor workers, ScheduledFuture<?> refusalFlush,
                         ChannelGroup channels, Channel serverChannel) {
        this.loop = loop;
        this.ownLoop = ownLoop;
        this.workers = workers;
        this.refusalFlush = refusalFlush;
        this.channels = channels;
        this.serverChannel = serverChannel;
        this.address = (InetSocketAddress) serverChannel.localAddress();
    }

    /**
     * Binds and starts serving.
     *
     * @throws IOException if the address cannot be bound (e.g. the port is taken)
     */
    public static DaemonServer start(ServerSettings settings, MethodRegistry methods, HealthSource health)
            throws IOException {
        return start(settings, methods, health, OriginGate.NONE);
    }

    /**
     * Binds and starts serving on an I/O loop of its own; {@code gate} may let in origins beyond
     * the settings' own.
     *
     * @throws IOException if the address cannot be bound (e.g. the port is taken)
     */
    public static DaemonServer start(ServerSettings settings, MethodRegistry methods, HealthSource health,
                                     OriginGate gate) throws IOException {
        return start(settings, methods, health, gate, IoLoop.start(), true);
    }

    /**
     * Binds and starts serving on {@code loop}, which the devices share and which the caller
     * closes after this server.
     *
     * @throws IOException if the address cannot be bound (e.g. the port is taken)
     */
    public static DaemonServer start(ServerSettings settings, MethodRegistry methods, HealthSource health,
                                     OriginGate gate, IoLoop loop) throws IOException {
        return start(settings, methods, health, gate, loop, false);
    }

    private static DaemonServer start(ServerSettings settings, MethodRegistry methods, HealthSource health,
                                      OriginGate gate, IoLoop loop, boolean ownLoop) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(methods, "methods");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(loop, "loop");
        ThreadPoolExecutor workers = new ThreadPoolExecutor(0, MAX_WORKERS, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new DefaultThreadFactory("hwbridge-call", true));
        ChannelGroup channels = new DefaultChannelGroup("hwbridge-connections", GlobalEventExecutor.INSTANCE);
        RefusalLog refusals = new RefusalLog(System::nanoTime, LOG::info);
        // Counts logged less often than the refusals come are written out even when they stop.
        long flushMillis = RefusalLog.INTERVAL.toMillis();
        ScheduledFuture<?> refusalFlush = loop.loop().scheduleAtFixedRate(refusals::flush, flushMillis, flushMillis,
                TimeUnit.MILLISECONDS);
        JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(methods, workers);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loop.group())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new DaemonChannelInitializer(settings, dispatcher, health, workers, channels,
                        System::nanoTime, refusals, gate));
        InetSocketAddress requested = new InetSocketAddress(settings.bindAddress(), settings.port());
        Channel serverChannel;
        try {
            serverChannel = bootstrap.bind(requested).syncUninterruptibly().channel();
        } catch (Exception e) {
            // Netty rethrows the bind failure (a checked BindException) without declaring it.
            refusalFlush.cancel(false);
            shutdown(loop, ownLoop, workers);
            throw new IOException("cannot listen on " + hostPort(requested) + ": " + e.getMessage(), e);
        }
        DaemonServer server = new DaemonServer(loop, ownLoop, workers, refusalFlush, channels, serverChannel);
        LOG.debug("listening on {}", server.webSocketUri());
        return server;
    }

    /** The port really bound (useful after asking for port 0). */
    public int port() {
        return address.getPort();
    }

    public InetSocketAddress localAddress() {
        return address;
    }

    /** {@code ws://127.0.0.1:PORT/}: where clients connect (loopback when bound to a wildcard). */
    public URI webSocketUri() {
        InetAddress host = address.getAddress().isAnyLocalAddress()
                ? InetAddress.getLoopbackAddress() : address.getAddress();
        return URI.create("ws://" + hostPort(new InetSocketAddress(host, address.getPort()))
                + DaemonChannelInitializer.WEBSOCKET_PATH);
    }

    /** Open connections, WebSocket or not yet. */
    public int connectionCount() {
        return channels.size();
    }

    /** Stops listening, closes every connection (1001 for WebSockets), stops calls and threads. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        serverChannel.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS);
        for (Channel channel : channels) {
            channel.pipeline().fireUserEventTriggered(JsonRpcFrameHandler.DAEMON_STOPPING);
        }
        // Queued behind the goodbye frames on each channel's event loop.
        channels.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS);
        refusalFlush.cancel(false);
        shutdown(loop, ownLoop, workers);
        LOG.debug("stopped");
    }

    private static void shutdown(IoLoop loop, boolean ownLoop, ThreadPoolExecutor workers) {
        workers.shutdownNow();
        try {
            workers.awaitTermination(SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownLoop) {
            loop.close();
        }
    }

    private static String hostPort(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        String host = ip == null ? address.getHostString() : ip.getHostAddress();
        if (ip instanceof Inet6Address) {
            int zone = host.indexOf('%');
            host = "[" + (zone < 0 ? host : host.substring(0, zone)) + "]";
        }
        return host + ":" + address.getPort();
    }
}
