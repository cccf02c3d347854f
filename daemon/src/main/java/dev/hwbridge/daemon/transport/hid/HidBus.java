package dev.hwbridge.daemon.transport.hid;

import dev.hwbridge.daemon.transport.AttachmentTracker;
import dev.hwbridge.daemon.transport.BusEventThread;
import dev.hwbridge.daemon.transport.BusListener;
import dev.hwbridge.daemon.transport.DeviceBus;
import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.DeviceFilter;
import dev.hwbridge.daemon.transport.DevicePaths;
import dev.hwbridge.daemon.transport.NativeCallGuard;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.TransportException.Code;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.hid4java.HidDevice;
import org.hid4java.HidServices;
import org.hid4java.HidServicesListener;
import org.hid4java.HidServicesSpecification;
import org.hid4java.ScanMode;
import org.hid4java.event.HidServicesEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * USB HID devices through hid4java (hidapi), filtered by a {@link DeviceFilter}. Paths are
 * {@code "hid:"} and a digest of the OS path (see {@link DevicePaths}).
 *
 * <p>Hot-plug: hid4java rescans every {@value #SCAN_INTERVAL_MS} ms once {@link #watch} starts it,
 * and tells its listeners on a pool of three worker threads, so its events may arrive out of order.
 * The bus therefore treats each event only as a hint: its own event thread enumerates again and
 * reports the difference to what it last reported. A new listener is first told the devices already
 * present.
 *
 * <p>Thread-safety: all methods may be called from any thread. The {@link BusListener} is called
 * from the bus's single event thread, one event at a time.
 */
public final class HidBus implements DeviceBus {

    /** The transport name and path prefix. */
    public static final String NAME = "hid";

    static final int SCAN_INTERVAL_MS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(HidBus.class);

    private final HidServices services;
    private final DeviceFilter filter;
    private final HidServicesListener hint = new ChangeHint();
    private final BusEventThread events = new BusEventThread(NAME, LOG);
    /** The devices of the last enumeration, by path; open() looks paths up here. */
    private final Map<String, HidDevice> devices = new ConcurrentHashMap<>();
    private final Map<String, HidChannel> channels = new ConcurrentHashMap<>();
    /** What the listener has been told is attached; touched only on the event thread. */
    private final AttachmentTracker reported = new AttachmentTracker("HID", LOG);
    private final Object lifecycle = new Object();
    private volatile BusListener listener;
    private boolean watching;
    private volatile boolean closed;

    HidBus(HidServices services, DeviceFilter filter) {
        this.services = Objects.requireNonNull(services, "services");
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /**
     * Loads hidapi and makes a bus for the devices {@code filter} selects.
     *
     * @throws TransportException {@code IO} if the native hidapi library cannot be loaded or initialised
     */
    public static HidBus create(DeviceFilter filter) throws TransportException {
        return create(filter, () -> new HidServices(specification()));
    }

    static HidBus create(DeviceFilter filter, Supplier<HidServices> factory) throws TransportException {
        Objects.requireNonNull(filter, "filter");
        try {
            return new HidBus(factory.get(), filter);
        } catch (RuntimeException | LinkageError e) {
            throw new TransportException(Code.IO,
                    "USB HID is unavailable: hid4java could not load or initialise its native hidapi library: "
                            + NativeCallGuard.describe(e), e);
        }
    }

    /**
     * Our own services rather than the process-wide one from {@code HidManager}: that one keeps
     * whichever specification came first. No auto start (scanning begins with {@link #watch}), no
     * data-read thread (channels read themselves), and no shutdown hook: hid_exit at JVM exit could
     * run under a read still in progress.
     */
    static HidServicesSpecification specification() {
        HidServicesSpecification spec = new HidServicesSpecification();
        spec.setAutoStart(false);
        spec.setAutoShutdown(false);
        spec.setAutoDataRead(false);
        spec.setScanMode(ScanMode.SCAN_AT_FIXED_INTERVAL);
        spec.setScanInterval(SCAN_INTERVAL_MS);
        return spec;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DeviceDescriptor> enumerate() throws TransportException {
        requireOpen();
        return describe(refresh());
    }

    @Override
    public DeviceChannel open(String path) throws TransportException {
        Objects.requireNonNull(path, "path");
        requireOpen();
        HidDevice device = devices.get(path);
        if (device == null) {
            enumerate();
            device = devices.get(path);
        }
        if (device == null) {
            throw new TransportException(Code.NOT_FOUND, "no HID device at " + path);
        }
        String osPath = device.getPath();
        synchronized (lifecycle) {
            requireOpen();
            if (channels.containsKey(path)) {
                throw new TransportException(Code.ACCESS_DENIED, path + " is already open");
            }
            openNative(path, device);
            HidChannel channel = new HidChannel(device, describe(path, device), () -> isAttached(osPath),
                    closedChannel -> channels.remove(path, closedChannel));
            channels.put(path, channel);
            return channel;
        }
    }

    private void openNative(String path, HidDevice device) throws TransportException {
        boolean opened;
        try {
            opened = device.open();
        } catch (RuntimeException | LinkageError e) {
            throw new TransportException(Code.IO, "opening " + path + " failed in the native library: " + NativeCallGuard.describe(e), e);
        }
        if (opened) {
            return;
        }
        boolean attached;
        try {
            attached = isAttached(device.getPath());
        } catch (RuntimeException | LinkageError e) {
            throw new TransportException(Code.IO, "opening " + path + " failed, and enumerating again failed too: " + NativeCallGuard.describe(e), e);
        }
        if (!attached) {
            throw new TransportException(Code.NOT_FOUND, "no HID device at " + path + " any more");
        }
        throw new TransportException(Code.ACCESS_DENIED, "could not open " + path
                + " (no permission, or another program holds it; on Linux a udev rule must grant access to its hidraw node)");
    }

    @Override
    public void watch(BusListener newListener) {
        Objects.requireNonNull(newListener, "listener");
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the HID bus is closed");
            }
            listener = newListener;
            if (watching) {
                events.submit(() -> reported.replay(newListener));
                return;
            }
            watching = true;
            // Report the devices present now ourselves: hid4java's first scan would hint them too,
            // but not if it failed to start.
            events.submit(this::reconcile);
            try {
                services.addHidServicesListener(hint);
                services.start();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("HID hot-plug is unavailable; devices still show up on enumerate", e);
            }
        }
    }

    @Override
    public void close() {
        List<HidChannel> open;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            listener = null;
            open = List.copyOf(channels.values());
        }
        open.forEach(HidChannel::close);
        events.shutdownNow();
        try {
            services.removeHidServicesListener(hint);
            services.stop();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("stopping hid4java failed", e);
        }
        devices.clear();
    }

    /** On the event thread: enumerate and report what changed since the last report. */
    private void reconcile() {
        Map<String, HidDevice> now;
        try {
            now = refresh();
        } catch (TransportException | RuntimeException e) {
            LOG.warn("HID rescan after a hot-plug event failed", e);
            return;
        }
        reported.update(describe(now), listener);
    }

    /** Enumerates, remembers the result for {@link #open}, and returns it. */
    private Map<String, HidDevice> refresh() throws TransportException {
        Map<String, HidDevice> found = matching();
        synchronized (devices) {
            devices.keySet().retainAll(found.keySet());
            devices.putAll(found);
        }
        return found;
    }

    /** The attached devices that pass the filter, by path, in the order hidapi lists them. */
    private Map<String, HidDevice> matching() throws TransportException {
        List<HidDevice> attached;
        try {
            attached = services.getAttachedHidDevices();
        } catch (RuntimeException | LinkageError e) {
            throw new TransportException(Code.IO, "enumerating HID devices failed: " + NativeCallGuard.describe(e), e);
        }
        Map<String, HidDevice> found = new LinkedHashMap<>();
        if (attached == null) {
            return found;
        }
        for (HidDevice device : attached) {
            if (device != null && device.getPath() != null && matches(device)) {
                found.putIfAbsent(DevicePaths.of(NAME, device.getPath()), device);
            }
        }
        return found;
    }

    private boolean isAttached(String osPath) {
        List<HidDevice> attached = services.getAttachedHidDevices();
        return attached != null && attached.stream().anyMatch(d -> d != null && osPath.equals(d.getPath()));
    }

    private boolean matches(HidDevice device) {
        // hid4java 0.8.0 masks vendor and product ids but widens the usage page from a signed
        // short, so page 0xFF00 arrives as -256: mask everything.
        return filter.matchesHid(device.getVendorId() & 0xFFFF, device.getProductId() & 0xFFFF, device.getUsagePage() & 0xFFFF);
    }

    private static List<DeviceDescriptor> describe(Map<String, HidDevice> devices) {
        return devices.entrySet().stream().map(found -> describe(found.getKey(), found.getValue())).toList();
    }

    private static DeviceDescriptor describe(String path, HidDevice device) {
        int vendorId = device.getVendorId() & 0xFFFF;
        int productId = device.getProductId() & 0xFFFF;
        String product = device.getProduct();
        if (product == null || product.isBlank()) {
            product = String.format("HID device %04x:%04x", vendorId, productId);
        }
        return new DeviceDescriptor(path, NAME, vendorId, productId, product, device.getSerialNumber());
    }

    private void requireOpen() throws TransportException {
        if (closed) {
            throw new TransportException(Code.IO, "the HID bus is closed");
        }
    }

    /** hid4java's listener: any attach or detach is a reason to enumerate again on our thread. */
    private final class ChangeHint implements HidServicesListener {

        @Override
        public void hidDeviceAttached(HidServicesEvent event) {
            events.submit(HidBus.this::reconcile);
        }

        @Override
        public void hidDeviceDetached(HidServicesEvent event) {
            events.submit(HidBus.this::reconcile);
        }

        @Override
        public void hidFailure(HidServicesEvent event) {
            LOG.warn("hid4java reported a failure: {}", event);
        }

        @Override
        public void hidDataReceived(HidServicesEvent event) {
            // Never fires: the specification turns hid4java's data-read thread off.
        }
    }
}
