package dev.hwbridge.daemon.transport.udp;

import dev.hwbridge.daemon.transport.BusListener;
import dev.hwbridge.daemon.transport.DeviceBus;
import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.protocol.framing.InitReply;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulators reached over UDP on loopback, at a configured list of addresses. A background daemon
 * thread probes every address with a CTAPHID INIT ({@link ProbeSettings}): an address that answers
 * is attached, one that misses several rounds in a row is detached, and the listener hears of
 * both. Detaching closes the channels open to that device, so their readers get DEVICE_GONE.
 *
 * <p>Thread-safe. All probing, bookkeeping and listener calls happen on the bus's one thread.
 */
public final class UdpBus implements DeviceBus {

    private static final Logger LOG = LoggerFactory.getLogger(UdpBus.class);

    private final List<InetSocketAddress> addresses;
    private final Map<String, InetSocketAddress> addressByPath = new LinkedHashMap<>();
    private final ProbeSettings settings;
    private final UdpProber prober;
    private final ScheduledExecutorService thread;
    private final CountDownLatch firstRound = new CountDownLatch(1);
    private final Set<UdpChannel> openChannels = ConcurrentHashMap.newKeySet();
    private final EventLoopGroup io;
    private final boolean ownsIo;

    // Touched only on the bus thread.
    private final Map<InetSocketAddress, DeviceDescriptor> attached = new LinkedHashMap<>();
    private final Map<InetSocketAddress, Integer> misses = new HashMap<>();
    private BusListener listener;

    private volatile List<DeviceDescriptor> present = List.of();
    private volatile boolean closed;

    /** A bus over {@code addresses} with the default probe settings, its channels on a loop of its own. */
    public UdpBus(List<InetSocketAddress> addresses) {
        this(addresses, ProbeSettings.DEFAULT);
    }

    /** A bus whose channels are on a loop of its own (one thread, stopped with the bus). */
    public UdpBus(List<InetSocketAddress> addresses, ProbeSettings settings) {
        this(addresses, settings, null);
    }

    /**
     * Starts probing at once.
     *
     * @param io the event loop group the device channels are registered on (the daemon's device
     *           loop); null for one of the bus's own
     * @throws IllegalArgumentException if an address is not a loopback address
     */
    public UdpBus(List<InetSocketAddress> addresses, ProbeSettings settings, EventLoopGroup io) {
        Set<InetSocketAddress> unique = new LinkedHashSet<>();
        for (InetSocketAddress address : addresses) {
            unique.add(UdpAddresses.requireLoopback(address));
        }
        this.addresses = List.copyOf(unique);
        for (InetSocketAddress address : this.addresses) {
            addressByPath.put(UdpAddresses.path(address), address);
        }
        this.settings = settings;
        this.ownsIo = io == null;
        this.io = io != null ? io : new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("hwbridge-udp-io", true), NioIoHandler.newFactory());
        try {
            this.prober = new UdpProber();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the UDP probe selector", e);
        }
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread worker = new Thread(runnable, "hwbridge-udp-bus");
            worker.setDaemon(true);
            return worker;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.thread = executor;
        thread.scheduleWithFixedDelay(this::probeRound, 0, settings.interval().toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public String name() {
        return UdpAddresses.TRANSPORT;
    }

    /**
     * The devices that answered the latest probes. Right after the bus is created this waits for
     * the first probe round (at most the probe timeout and a little more).
     */
    @Override
    public List<DeviceDescriptor> enumerate() {
        if (!closed) {
            try {
                firstRound.await(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return closed ? List.of() : present;
    }

    @Override
    public DeviceChannel open(String path) throws TransportException {
        InetSocketAddress address = addressByPath.get(path);
        if (closed || address == null) {
            throw new TransportException(TransportException.Code.NOT_FOUND, "no UDP device is configured at " + path);
        }
        DeviceDescriptor descriptor = present.stream().filter(d -> d.path().equals(path)).findFirst()
                .orElseThrow(() -> new TransportException(TransportException.Code.NOT_FOUND,
                        "no simulator answers at " + path));
        UdpChannel channel = UdpChannel.open(descriptor, address, io, openChannels::remove);
        openChannels.add(channel);
        if (closed) {
            channel.closeBecauseGone("the bus was closed");
        }
        return channel;
    }

    /**
     * Reports changes to {@code listener} (null stops reporting). The new listener first hears
     * {@code attached} for every device attached now, so it misses nothing.
     */
    @Override
    public void watch(BusListener newListener) {
        if (closed) {
            return;
        }
        thread.execute(() -> {
            listener = newListener;
            for (DeviceDescriptor device : attached.values()) {
                notifyListener(device, true);
            }
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                LOG.warn("the UDP probe thread did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        prober.close();
        for (UdpChannel channel : List.copyOf(openChannels)) {
            channel.closeBecauseGone("the bus was closed");
        }
        present = List.of();
        if (ownsIo) {
            io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private void probeRound() {
        try {
            Map<InetSocketAddress, InitReply> answered = prober.probe(addresses, settings.timeout());
            if (closed) {
                return;
            }
            for (InetSocketAddress address : addresses) {
                InitReply reply = answered.get(address);
                if (reply != null) {
                    misses.put(address, 0);
                    if (!attached.containsKey(address)) {
                        attach(address, reply);
                    }
                } else {
                    int missed = misses.merge(address, 1, (before, one) -> Math.min(before + one, settings.missesBeforeDetach()));
                    if (attached.containsKey(address) && missed >= settings.missesBeforeDetach()) {
                        detach(address, missed);
                    }
                }
            }
        } catch (IOException e) {
            // The next round tries again; a bus that keeps failing never attaches anything.
            LOG.warn("a UDP probe round failed", e);
        } catch (RuntimeException e) {
            // Must not escape: an exception would cancel every later round of the schedule.
            LOG.error("a UDP probe round failed unexpectedly", e);
        } finally {
            firstRound.countDown();
        }
    }

    private void attach(InetSocketAddress address, InitReply reply) {
        DeviceDescriptor device = new DeviceDescriptor(UdpAddresses.path(address), UdpAddresses.TRANSPORT, 0, 0,
                "hwbridge simulator " + reply.deviceVersion() + " (protocol " + reply.protocolVersion() + ")", "");
        attached.put(address, device);
        // Published before the listener hears of it, so enumerate() agrees with every event.
        present = List.copyOf(attached.values());
        LOG.info("UDP device attached: {}", device.path());
        notifyListener(device, true);
    }

    private void detach(InetSocketAddress address, int missed) {
        DeviceDescriptor device = attached.remove(address);
        present = List.copyOf(attached.values());
        LOG.info("UDP device detached: {} ({} probes unanswered)", device.path(), missed);
        for (UdpChannel channel : new ArrayList<>(openChannels)) {
            if (channel.descriptor().path().equals(device.path())) {
                channel.closeBecauseGone("the simulator stopped answering");
            }
        }
        notifyListener(device, false);
    }

    private void notifyListener(DeviceDescriptor device, boolean attachedNow) {
        BusListener current = listener;
        if (current == null) {
            return;
        }
        try {
            if (attachedNow) {
                current.attached(device);
            } else {
                current.detached(device);
            }
        } catch (RuntimeException e) {
            LOG.error("a bus listener failed on {} {}", attachedNow ? "attach of" : "detach of", device.path(), e);
        }
    }
}
