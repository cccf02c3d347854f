package dev.hwbridge.daemon.server;

import dev.hwbridge.daemon.rpc.JsonRpcDispatcher;
import dev.hwbridge.daemon.rpc.MethodRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.spi.SelectorProvider;
import java.util.Objects;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's network side: a Netty server with a WebSocket speaking JSON-RPC 2.0 at {@code /},
 * {@code GET /health}, and static files. Calls run on a worker pool, never on the I/O threads.
 * {@link #close()} says goodbye to every connection (1001), interrupts running calls and stops
 * the threads. Thread-safe.
 */
public final class DaemonServer implements AutoCloseable {

    /** Threads for calls: each blocks while the user acts on the device, so there are many. */
    static final int MAX_WORKERS = 256;
    /** Loopback traffic is light; two I/O threads keep one slow write from stalling the rest. */
    static final int IO_THREADS = 2;
    private static final long SHUTDOWN_TIMEOUT_MS = 3000;

    private static final Logger LOG = LoggerFactory.getLogger(DaemonServer.class);

    private final EventLoopGroup acceptor;
    private final EventLoopGroup io;
    private final ThreadPoolExecutor workers;
    private final ChannelGroup channels;
    private final Channel serverChannel;
    private final InetSocketAddress address;
    private boolean closed;

    private DaemonServer(EventLoopGroup acceptor, EventLoopGroup io, ThreadPoolExecutor workers,
                         ChannelGroup channels, Channel serverChannel) {
        this.acceptor = acceptor;
        this.io = io;
        this.workers = workers;
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
     * Binds and starts serving; {@code gate} may let in origins beyond the settings' own.
     *
     * @throws IOException if the address cannot be bound (e.g. the port is taken)
     */
    public static DaemonServer start(ServerSettings settings, MethodRegistry methods, HealthSource health,
                                     OriginGate gate) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(methods, "methods");
        Objects.requireNonNull(health, "health");
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("hwbridge-accept", true), NioIoHandler.newFactory());
        EventLoopGroup io = new MultiThreadIoEventLoopGroup(IO_THREADS,
                new DefaultThreadFactory("hwbridge-io", true), NioIoHandler.newFactory(
                        SelectorProvider.provider(), SpinAfterHandOff.factory()));
        ThreadPoolExecutor workers = new ThreadPoolExecutor(0, MAX_WORKERS, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new DefaultThreadFactory("hwbridge-call", true));
        ChannelGroup channels = new DefaultChannelGroup("hwbridge-connections", GlobalEventExecutor.INSTANCE);
        RefusalLog refusals = new RefusalLog(System::nanoTime, LOG::info);
        // Counts logged less often than the refusals come are written out even when they stop.
        acceptor.scheduleAtFixedRate(refusals::flush, RefusalLog.INTERVAL.toMillis(), RefusalLog.INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(methods, workers);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, io)
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
            shutdown(acceptor, io, workers);
            throw new IOException("cannot listen on " + hostPort(requested) + ": " + e.getMessage(), e);
        }
        DaemonServer server = new DaemonServer(acceptor, io, workers, channels, serverChannel);
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
        shutdown(acceptor, io, workers);
        LOG.debug("stopped");
    }

    private static void shutdown(EventLoopGroup acceptor, EventLoopGroup io, ThreadPoolExecutor workers) {
        workers.shutdownNow();
        acceptor.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        io.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        try {
            workers.awaitTermination(SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            acceptor.terminationFuture().await(SHUTDOWN_TIMEOUT_MS);
            io.terminationFuture().await(SHUTDOWN_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
