package dev.hwbridge.daemon.transport;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The one event loop every device's I/O and protocol client runs on: datagrams from simulators,
 * reports handed over by HID and USB reader threads, and the clients' timers. One thread serves
 * all devices, since none of that work blocks; a device waiting for its user costs no thread.
 * Apart from the server's loops, so that no device ever holds up a connection's I/O.
 */
public final class DeviceIo implements AutoCloseable {

    private final EventLoopGroup group;

    private DeviceIo(EventLoopGroup group) {
        this.group = group;
    }

    public static DeviceIo start() {
        return new DeviceIo(new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("hwbridge-device-io", true),
                NioIoHandler.newFactory()));
    }

    /** For registering channels (UDP). */
    public EventLoopGroup group() {
        return group;
    }

    /** The loop itself, as the protocol clients' executor. */
    public EventLoop loop() {
        return group.next();
    }

    /** Stops the loop; whatever is still scheduled (clients' timers) is dropped. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
