package dev.hwbridge.daemon.loop;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.channels.spi.SelectorProvider;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's one event loop: it accepts connections, reads and writes every WebSocket, carries
 * every device's I/O (datagrams from simulators, reports handed over by HID and USB reader threads)
 * and runs the devices' protocol clients and their timers. None of that work blocks, so one thread
 * serves all of it, and a call passes from its connection to its device and back without changing
 * threads. Each hand-over between two threads costs a wake-up of tens of µs on a virtual machine: with
 * a loop for the server and another for the devices, those wake-ups were most of the daemon's
 * overhead over a direct device call (src/bench/RESULTS.md). Work that may block (a method that waits for
 * a registry write, a Ledger's APDU) runs on worker threads and hands its result back here.
 */
public final class IoLoop implements AutoCloseable {

    private static final long QUIET_PERIOD_MILLIS = 0;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 3000;

    private final EventLoopGroup group;

    private IoLoop(EventLoopGroup group) {
        this.group = group;
    }

    /** Starts the thread ({@code hwbridge-io}), which spins briefly after a call starts ({@link SpinAfterHandOff}). */
    public static IoLoop start() {
        return new IoLoop(new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("hwbridge-io", true),
                NioIoHandler.newFactory(SelectorProvider.provider(), SpinAfterHandOff.factory())));
    }

    /** The loop as a group of one, for bootstraps and for registering channels (UDP). */
    public EventLoopGroup group() {
        return group;
    }

    /** The loop itself, as the protocol clients' executor. */
    public EventLoop loop() {
        return group.next();
    }

    /** Stops the loop once what it runs now is done; whatever is still scheduled (clients' timers) is dropped. */
    @Override
    public void close() {
        group.shutdownGracefully(QUIET_PERIOD_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        if (!loop().inEventLoop()) {
            group.terminationFuture().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        }
    }
}
