package dev.hwbridge.daemon.transport.udp;

import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.protocol.client.ReportLink;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * An open UDP device: one datagram per 64-byte report, on a Netty datagram channel of its own,
 * connected to the simulator so only that simulator's datagrams reach it. The channel lives on
 * the device event loop: what arrives is pushed to the protocol client ({@link #link()}) from
 * there, so no thread waits for the device. Before a link is started (and for a caller that
 * reads by blocking), datagrams wait in a queue that {@link #read} takes from.
 *
 * <p>A datagram that is not 64 bytes is refused as BAD_REPORT; an ICMP "port unreachable" (the
 * simulator stopped) or a failed write is DEVICE_GONE. {@link #close()} closes the channel.
 */
final class UdpChannel implements DeviceChannel {

    /** Ends the blocking queue once the channel is closed; compared by identity. */
    private static final Object CLOSED = new Object();

    private final DeviceDescriptor descriptor;
    private final Consumer<UdpChannel> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Datagrams a blocking reader has not taken yet; a device sends a message's reports back to back, at most 129. */
    private static final int INBOX_CAPACITY = 256;

    /** Reports and failures not taken yet: byte[] or TransportException, then CLOSED (beyond the capacity: the end marker always fits). */
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private volatile Channel channel;
    private volatile String goneReason = "the channel was closed";
    // Set once, on the event loop, by the link's start.
    private Consumer<byte[]> onReport;
    private Consumer<IOException> onFailure;

    private UdpChannel(DeviceDescriptor descriptor, Consumer<UdpChannel> onClose) {
        this.descriptor = descriptor;
        this.onClose = onClose;
    }

    /** Opens a datagram channel on {@code group}, bound on loopback and connected to {@code device}. Blocks until it is. */
    static UdpChannel open(DeviceDescriptor descriptor, InetSocketAddress device, EventLoopGroup group,
                           Consumer<UdpChannel> onClose) throws TransportException {
        UdpChannel opened = new UdpChannel(descriptor, Objects.requireNonNull(onClose, "onClose"));
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(opened.new Inbound());
        Channel channel = null;
        try {
            ChannelFuture bound = bootstrap.bind(UdpAddresses.localBindFor(device)).sync();
            channel = bound.channel();
            channel.connect(device).sync();
            opened.channel = channel;
            channel.closeFuture().addListener(future -> opened.close());
            return opened;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            throw new TransportException(TransportException.Code.IO, "interrupted while opening " + descriptor.path(), e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new TransportException(TransportException.Code.IO, "cannot open a socket to " + descriptor.path(), e);
        }
    }

    private static void closeQuietly(Channel channel) {
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    /** Sends without waiting; a failed send closes the channel as gone, which the reader hears. */
    @Override
    public void write(byte[] report) throws TransportException {
        Objects.requireNonNull(report, "report");
        if (report.length != REPORT_SIZE) {
            throw new TransportException(TransportException.Code.BAD_REPORT,
                    "a report has " + REPORT_SIZE + " bytes, got " + report.length);
        }
        requireOpen();
        // A copy: the caller zeroes its array on return, and so do we once the datagram is out.
        byte[] copy = report.clone();
        ByteBuf datagram = Unpooled.wrappedBuffer(copy);
        channel.writeAndFlush(datagram).addListener(future -> {
            Arrays.fill(copy, (byte) 0);
            if (!future.isSuccess()) {
                failed(future.cause() instanceof PortUnreachableException
                        ? new TransportException(TransportException.Code.DEVICE_GONE,
                                "nothing listens at " + descriptor.path(), future.cause())
                        : failure("write", future.cause()));
            }
        });
    }

    @Override
    public Optional<byte[]> read(Duration timeout) throws TransportException {
        Objects.requireNonNull(timeout, "timeout");
        Object next;
        try {
            next = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Code.IO, "interrupted while reading " + descriptor.path(),
                    new InterruptedIOException("interrupted"));
        }
        if (next == null) {
            requireOpen();
            return Optional.empty();
        }
        if (next == CLOSED) {
            inbox.add(CLOSED);
            requireOpen();
        }
        if (next instanceof TransportException e) {
            throw e;
        }
        return Optional.of((byte[]) next);
    }

    /** Pushes what arrives to the protocol client from the event loop; closing the link closes the channel. */
    @Override
    public ReportLink link() {
        return new ReportLink() {
            @Override
            public void start(Consumer<byte[]> reports, Consumer<IOException> failures) {
                channel.eventLoop().execute(() -> {
                    onReport = reports;
                    onFailure = failures;
                    // What came before the link started, in order.
                    for (Object waiting = inbox.poll(); waiting != null; waiting = inbox.poll()) {
                        deliver(waiting);
                    }
                });
            }

            @Override
            public void send(byte[] report) throws IOException {
                write(report);
            }

            @Override
            public void close() {
                UdpChannel.this.close();
            }
        };
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Channel open = channel;
            if (open == null) {
                inbox.add(CLOSED);
            } else {
                open.close();
                if (open.eventLoop().inEventLoop()) {
                    deliverClosed();
                } else {
                    open.eventLoop().execute(this::deliverClosed);
                }
            }
            onClose.accept(this);
        }
    }

    /** Closes the channel because the device went away; readers and writers then get DEVICE_GONE with this reason. */
    void closeBecauseGone(String reason) {
        goneReason = reason;
        close();
    }

    boolean isOpen() {
        return !closed.get();
    }

    /** On the event loop: to the link if started, else into the queue for {@link #read} (the oldest dropped when full). */
    private void deliver(Object item) {
        if (onReport == null) {
            if (inbox.size() >= INBOX_CAPACITY) {
                // Nobody reads: keep the newest, as a socket's receive buffer would.
                inbox.poll();
            }
            inbox.add(item);
            return;
        }
        if (item instanceof byte[] report) {
            onReport.accept(report);
        } else if (item instanceof TransportException e) {
            onFailure.accept(e);
        }
    }

    /** On the event loop, once closed: the link hears DEVICE_GONE; a blocking reader finds the queue's end. */
    private void deliverClosed() {
        if (onReport == null) {
            inbox.add(CLOSED);
        } else {
            onFailure.accept(gone());
        }
    }

    private TransportException gone() {
        return new TransportException(TransportException.Code.DEVICE_GONE, goneReason + ": " + descriptor.path());
    }

    private void failed(TransportException failure) {
        if (failure.code() == TransportException.Code.DEVICE_GONE) {
            goneReason = failure.getMessage();
            close();
        } else {
            deliver(failure);
        }
    }

    private void requireOpen() throws TransportException {
        if (closed.get()) {
            throw gone();
        }
    }

    private TransportException failure(String action, Throwable e) {
        if (closed.get()) {
            return new TransportException(TransportException.Code.DEVICE_GONE, goneReason + ": " + descriptor.path(), e);
        }
        return new TransportException(TransportException.Code.IO, "cannot " + action + " " + descriptor.path(), e);
    }

    /** Datagrams and read errors, on the event loop. */
    private final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf content = packet.content();
            if (content.readableBytes() != REPORT_SIZE) {
                deliver(new TransportException(TransportException.Code.BAD_REPORT,
                        "a datagram of " + content.readableBytes() + " bytes from " + descriptor.path()
                                + " is not a 64-byte report"));
                return;
            }
            byte[] report = new byte[REPORT_SIZE];
            content.readBytes(report);
            deliver(report);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof PortUnreachableException) {
                failed(new TransportException(TransportException.Code.DEVICE_GONE,
                        "nothing listens at " + descriptor.path(), cause));
            } else {
                failed(failure("read", cause));
            }
        }
    }
}
