package dev.hwbridge.daemon.transport.ledger;

import dev.hwbridge.daemon.transport.AttachmentTracker;
import dev.hwbridge.daemon.transport.BusEventThread;
import dev.hwbridge.daemon.transport.BusListener;
import dev.hwbridge.daemon.transport.DeviceBus;
import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.TransportException.Code;
import dev.hwbridge.daemon.transport.udp.UdpAddresses;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ledger emulators on this machine: Speculos's APDU port, or the simulator's Ledger personality
 * ({@code --speculos HOST:PORT}, loopback only, like {@code --simulator}). Paths are
 * {@code tcp:127.0.0.1:9999}.
 *
 * <p>Hot-plug: once a second the event thread connects to each port that has no open channel
 * (a refused connection is an emulator that is not running), and looks whether each open channel's
 * other end closed between exchanges. Speculos serves one host at a time, so a port in use is never
 * probed with a second connection.
 *
 * <p>Thread-safe; the listener is called from the bus's event thread.
 */
public final class SpeculosBus implements DeviceBus {

    public static final String NAME = "tcp";

    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    static final int CONNECT_TIMEOUT_MS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(SpeculosBus.class);

    private final Map<String, InetSocketAddress> addresses = new LinkedHashMap<>();
    private final Map<String, SpeculosChannel> channels = new ConcurrentHashMap<>();
    private final AttachmentTracker reported = new AttachmentTracker("Speculos", LOG);
    private final BusEventThread events = new BusEventThread(NAME, LOG);
    private final Object lifecycle = new Object();
    private volatile BusListener listener;
    private boolean watching;
    private volatile boolean closed;

    /** @param ports APDU ports on loopback */
    public SpeculosBus(List<InetSocketAddress> ports) {
        for (InetSocketAddress port : ports) {
            UdpAddresses.requireLoopback(port);
            addresses.put(path(port), port);
        }
    }

    /** {@code tcp:127.0.0.1:9999}. */
    public static String path(InetSocketAddress port) {
        return NAME + UdpAddresses.path(port).substring(UdpAddresses.TRANSPORT.length());
    }

    static DeviceDescriptor describe(String path) {
        return new DeviceDescriptor(path, NAME, LedgerUsb.VENDOR_ID, 0, "Speculos " + path.substring(NAME.length() + 1), "");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DeviceDescriptor> enumerate() throws TransportException {
        requireOpen();
        List<DeviceDescriptor> found = new ArrayList<>();
        for (String path : addresses.keySet()) {
            if (channels.containsKey(path) || listening(addresses.get(path))) {
                found.add(describe(path));
            }
        }
        return found;
    }

    @Override
    public DeviceChannel open(String path) throws TransportException {
        requireOpen();
        InetSocketAddress address = addresses.get(Objects.requireNonNull(path, "path"));
        if (address == null) {
            throw new TransportException(Code.NOT_FOUND, "no Speculos port at " + path);
        }
        synchronized (lifecycle) {
            if (channels.containsKey(path)) {
                throw new TransportException(Code.ACCESS_DENIED, path + " is already open");
            }
            Socket socket = new Socket();
            try {
                socket.connect(address, CONNECT_TIMEOUT_MS);
                SpeculosChannel channel = new SpeculosChannel(socket, describe(path), closing -> channels.remove(path, closing));
                channels.put(path, channel);
                return channel;
            } catch (IOException e) {
                closeQuietly(socket);
                throw new TransportException(Code.NOT_FOUND, "nothing listens at " + path + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void watch(BusListener newListener) {
        Objects.requireNonNull(newListener, "listener");
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the Speculos bus is closed");
            }
            listener = newListener;
            if (watching) {
                events.submit(() -> reported.replay(newListener));
                return;
            }
            watching = true;
            events.repeat(this::probe, PROBE_INTERVAL);
        }
    }

    @Override
    public void close() {
        List<SpeculosChannel> open;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            listener = null;
            open = List.copyOf(channels.values());
        }
        open.forEach(SpeculosChannel::close);
        events.shutdownNow();
    }

    /** On the event thread: which ports are there now, reported as the difference to the last time. */
    private void probe() {
        if (closed) {
            return;
        }
        List<DeviceDescriptor> now = new ArrayList<>();
        for (Map.Entry<String, InetSocketAddress> port : addresses.entrySet()) {
            SpeculosChannel open = channels.get(port.getKey());
            boolean there = open != null ? open.isAlive() || listening(port.getValue()) : listening(port.getValue());
            if (there) {
                now.add(describe(port.getKey()));
            }
        }
        reported.update(now, listener);
    }

    private static boolean listening(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing was sent on it; there is nothing else to release.
        }
    }

    private void requireOpen() throws TransportException {
        if (closed) {
            throw new TransportException(Code.IO, "the Speculos bus is closed");
        }
    }
}
