package dev.hwbridge.daemon.transport.usb;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.usb4java.DeviceHandle;
import org.usb4java.LibUsb;

/**
 * Raw USB devices through usb4java (libusb): devices the {@link DeviceFilter} selects by vendor and
 * product id that have a vendor-specific interface (class 0xFF, as WebUSB signers have) with an
 * interrupt IN and OUT endpoint. Paths are {@code "usb:"} and a digest of the bus and port numbers
 * (see {@link DevicePaths}).
 *
 * <p>Hot-plug: with libusb hot-plug support the bus's event thread handles libusb events and
 * rescans when a callback says something changed (and every few seconds regardless); without it,
 * the thread rescans every poll interval. Either way it reports the difference to what it last reported, and a new listener is
 * first told the devices already present.
 *
 * <p>Thread-safety: all methods may be called from any thread. The {@link BusListener} is called
 * from the bus's single event thread, one event at a time. {@link #close()} stops that thread and
 * closes every channel before libusb's context is freed, so no native call outlives it.
 */
public final class UsbBus implements DeviceBus {

    /** The transport name and path prefix. */
    public static final String NAME = "usb";

    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    /** How long one libusb event wait blocks the event thread. */
    private static final long EVENT_WAIT_MICROS = 250_000;

    /**
     * Rescan this often even with hot-plug callbacks: in containers and sandboxes libusb may claim
     * hot-plug support yet never see the kernel's events.
     */
    private static final Duration SAFETY_RESCAN = Duration.ofSeconds(5);

    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(UsbBus.class);

    private final LibUsbApi api;
    private final DeviceFilter filter;
    private final Duration pollInterval;
    private final BusEventThread events = new BusEventThread(NAME, LOG);
    private final UsbDeviceScanner scanner;
    private final Map<String, UsbChannel> channels = new ConcurrentHashMap<>();
    /** What the listener has been told is attached; touched only on the event thread. */
    private final AttachmentTracker reported = new AttachmentTracker("USB", LOG);
    private final AtomicBoolean changed = new AtomicBoolean();
    /** System.nanoTime() of the last rescan; touched only on the event thread. */
    private long lastReconcile;
    /** Event waits failed in a row; touched only on the event thread. */
    private int eventFailures;
    private final Object lifecycle = new Object();
    private volatile BusListener listener;
    private boolean watching;
    private boolean hotplugRegistered;
    private volatile boolean closed;

    private UsbBus(LibUsbApi api, DeviceFilter filter, Duration pollInterval) {
        this.api = api;
        this.filter = filter;
        this.pollInterval = pollInterval;
        this.scanner = new UsbDeviceScanner(api, filter);
    }

    /**
     * Loads usb4java's native library, initialises libusb and makes a bus for the devices
     * {@code filter} selects (its usage page plays no part).
     *
     * @throws TransportException {@code IO} if the native library cannot be loaded or libusb cannot start
     */
    public static UsbBus create(DeviceFilter filter) throws TransportException {
        return create(new NativeLibUsb(), filter, DEFAULT_POLL_INTERVAL);
    }

    static UsbBus create(LibUsbApi api, DeviceFilter filter, Duration pollInterval) throws TransportException {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(filter, "filter");
        if (pollInterval.toMillis() < 1) {
            throw new IllegalArgumentException("pollInterval must be at least 1 ms");
        }
        int result;
        try {
            result = api.init();
        } catch (RuntimeException | LinkageError e) {
            throw new TransportException(Code.IO,
                    "raw USB is unavailable: usb4java could not load its native libusb library: " + NativeCallGuard.describe(e), e);
        }
        if (result < 0) {
            throw new TransportException(Code.IO, "raw USB is unavailable: libusb_init failed: " + LibUsbErrors.name(result));
        }
        return new UsbBus(api, filter, pollInterval);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DeviceDescriptor> enumerate() throws TransportException {
        requireOpen();
        return descriptors(scanner.scan());
    }

    @Override
    public DeviceChannel open(String path) throws TransportException {
        Objects.requireNonNull(path, "path");
        requireOpen();
        Optional<UsbDeviceScanner.Entry> found = scanner.find(path);
        if (found.isEmpty()) {
            scanner.scan();
            found = scanner.find(path);
        }
        UsbDeviceScanner.Entry entry = found.orElseThrow(() -> new TransportException(Code.NOT_FOUND, "no USB device at " + path));
        synchronized (lifecycle) {
            requireOpen();
            if (channels.containsKey(path)) {
                throw new TransportException(Code.ACCESS_DENIED, path + " is already open");
            }
            UsbChannel channel = claim(entry);
            channels.put(path, channel);
            return channel;
        }
    }

    /** Opens the device and claims its vendor interface, detaching a kernel driver first if one holds it. */
    private UsbChannel claim(UsbDeviceScanner.Entry entry) throws TransportException {
        String path = entry.descriptor().path();
        UsbDeviceInfo.VendorInterface vendorInterface = entry.vendorInterface();
        DeviceHandle handle = new DeviceHandle();
        int result = LibUsbErrors.call("open", () -> api.open(entry.info().location(), handle));
        if (result < 0) {
            throw LibUsbErrors.openFailure(path, "open", result);
        }
        boolean detached = false;
        try {
            int number = vendorInterface.number();
            if (LibUsbErrors.call("kernel driver query", () -> api.kernelDriverActive(handle, number)) == 1) {
                result = LibUsbErrors.call("kernel driver detach", () -> api.detachKernelDriver(handle, number));
                if (result < 0 && result != LibUsb.ERROR_NOT_FOUND) {
                    throw LibUsbErrors.openFailure(path, "detaching the kernel driver", result);
                }
                detached = result == LibUsb.SUCCESS;
            }
            result = LibUsbErrors.call("claim", () -> api.claimInterface(handle, number));
            if (result < 0) {
                throw LibUsbErrors.openFailure(path, "claiming interface " + number, result);
            }
            return new UsbChannel(api, handle, entry.descriptor(), vendorInterface, detached, UsbChannel.WRITE_TIMEOUT,
                    closedChannel -> channels.remove(path, closedChannel));
        } catch (TransportException e) {
            closeQuietly(handle, path, detached ? vendorInterface.number() : -1);
            throw e;
        }
    }

    private void closeQuietly(DeviceHandle handle, String path, int reattachInterface) {
        try {
            if (reattachInterface >= 0) {
                api.attachKernelDriver(handle, reattachInterface);
            }
            api.close(handle);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("{}: closing after a failed open failed too", path, e);
        }
    }

    @Override
    public void watch(BusListener newListener) {
        Objects.requireNonNull(newListener, "listener");
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the USB bus is closed");
            }
            listener = newListener;
            if (watching) {
                events.submit(() -> reported.replay(newListener));
                return;
            }
            watching = true;
            hotplugRegistered = registerHotplug();
            if (hotplugRegistered) {
                events.submit(this::reconcile);
                events.submit(this::handleEvents);
            } else {
                events.repeat(this::reconcile, pollInterval);
            }
        }
    }

    private boolean registerHotplug() {
        try {
            if (!api.hasHotplug()) {
                LOG.info("libusb has no hot-plug support here; polling every {} ms", pollInterval.toMillis());
                return false;
            }
            // Only a hint to enumerate again, which filters: one vendor id narrows the wake-ups, several do not.
            List<Integer> vendors = filter.openedVendorIds();
            int vendor = vendors.size() == 1 ? vendors.get(0) : LibUsb.HOTPLUG_MATCH_ANY;
            int result = api.registerHotplug(vendor, () -> changed.set(true));
            if (result == LibUsb.SUCCESS) {
                return true;
            }
            LOG.warn("registering for libusb hot-plug failed ({}); polling every {} ms", LibUsbErrors.name(result), pollInterval.toMillis());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("registering for libusb hot-plug failed; polling every {} ms", pollInterval.toMillis(), e);
        }
        return false;
    }

    /** One turn of the hot-plug loop on the event thread; it queues the next turn itself. */
    private void handleEvents() {
        if (closed) {
            return;
        }
        boolean failed = false;
        try {
            int result = api.handleEventsTimeout(EVENT_WAIT_MICROS);
            if (result < 0 && result != LibUsb.ERROR_INTERRUPTED) {
                failed = true;
                logEventFailure(LibUsbErrors.name(result), null);
            }
        } catch (RuntimeException | LinkageError e) {
            failed = true;
            logEventFailure(e.toString(), e);
        }
        if (!failed) {
            eventFailures = 0;
        }
        if (changed.getAndSet(false) || System.nanoTime() - lastReconcile >= SAFETY_RESCAN.toNanos()) {
            reconcile();
        }
        if (failed) {
            // A failing wait returns at once; pause so the loop does not spin.
            events.schedule(this::handleEvents, Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(EVENT_WAIT_MICROS)));
        } else {
            events.submit(this::handleEvents);
        }
    }

    /** The first failure of a streak at WARN, the rest at DEBUG, so a broken libusb does not flood the log. */
    private void logEventFailure(String reason, Throwable failure) {
        if (eventFailures++ == 0) {
            LOG.warn("handling libusb events failed: {}", reason, failure);
        } else {
            LOG.debug("handling libusb events failed again ({} in a row): {}", eventFailures, reason, failure);
        }
    }

    @Override
    public void close() {
        List<UsbChannel> open;
        boolean deregister;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            listener = null;
            deregister = hotplugRegistered;
            open = List.copyOf(channels.values());
        }
        events.shutdownNow();
        boolean stopped = awaitEventThread();
        open.forEach(UsbChannel::close);
        if (!stopped) {
            // Freeing the context under a running libusb call would crash the JVM; leak it instead.
            LOG.warn("the USB event thread did not stop within {}; leaving the libusb context allocated", STOP_WAIT);
            return;
        }
        try {
            if (deregister) {
                api.deregisterHotplug();
            }
            scanner.exitLibUsb();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("shutting libusb down failed", e);
        }
    }

    private boolean awaitEventThread() {
        try {
            return events.awaitTermination(STOP_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** On the event thread: rescan and report what changed since the last report. */
    private void reconcile() {
        lastReconcile = System.nanoTime();
        Map<String, UsbDeviceScanner.Entry> now;
        try {
            now = scanner.scan();
        } catch (TransportException | RuntimeException e) {
            LOG.warn("USB rescan failed", e);
            return;
        }
        reported.update(descriptors(now), listener);
    }

    private static List<DeviceDescriptor> descriptors(Map<String, UsbDeviceScanner.Entry> entries) {
        return entries.values().stream().map(UsbDeviceScanner.Entry::descriptor).toList();
    }

    private void requireOpen() throws TransportException {
        if (closed) {
            throw new TransportException(Code.IO, "the USB bus is closed");
        }
    }
}
