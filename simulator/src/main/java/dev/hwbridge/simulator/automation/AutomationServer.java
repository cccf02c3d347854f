package dev.hwbridge.simulator.automation;

import com.sun.net.httpserver.HttpServer;
import dev.hwbridge.simulator.screen.DeviceScreen;
import dev.hwbridge.simulator.screen.ScreenListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's automation API and web page over HTTP on loopback, in the spirit of Speculos
 * (endpoints: see the package documentation). Start with {@link #start}; {@link #close()} stops it.
 * Thread-safe.
 */
public final class AutomationServer implements AutoCloseable {

    /** The port the simulator's automation API listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 21337;
    /** The largest request body accepted; larger ones get 413. */
    public static final int MAX_BODY_BYTES = 4096;

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService executor;
    private final EventStream events;
    private final ScreenListener.Registration registration;

    private AutomationServer(HttpServer server, ExecutorService executor, EventStream events,
            ScreenListener.Registration registration) {
        this.server = server;
        this.executor = executor;
        this.events = events;
        this.registration = registration;
    }

    /**
     * Listens on 127.0.0.1 at {@code port} (0: any free port, for tests) and serves {@code screen}.
     *
     * @throws IOException if the port cannot be bound
     */
    public static AutomationServer start(DeviceScreen screen, int port) throws IOException {
        return start(screen, port, HEARTBEAT);
    }

    static AutomationServer start(DeviceScreen screen, int port, Duration heartbeat) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        IndexPage page = IndexPage.load();
        disableNagle();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 32);
        EventStream events = new EventStream(heartbeat);
        ScreenListener.Registration registration = screen.addListener(events);
        // Unbounded because each event stream holds a thread for its life; EventStream caps them.
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", new Router(screen, new LoopbackGuard(server.getAddress().getPort()), events, page));
        server.start();
        return new AutomationServer(server, executor, events, registration);
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** How many event streams are open now. */
    int eventStreamCount() {
        return events.clientCount();
    }

    /** Stops listening, ends every event stream and stops following the screen. */
    @Override
    public void close() {
        registration.close();
        events.close();
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * The JDK server writes an answer's headers and body as two segments; with Nagle's algorithm
     * on, the body then waits for the client's delayed ACK, about 40 ms on every request. The JDK
     * reads this property once, when its first server is made, so an explicit setting wins.
     */
    private static void disableNagle() {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "automation-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
