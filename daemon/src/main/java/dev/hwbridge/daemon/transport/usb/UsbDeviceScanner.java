package dev.hwbridge.daemon.transport.usb;

import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.DeviceFilter;
import dev.hwbridge.daemon.transport.DevicePaths;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.TransportException.Code;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.usb4java.DeviceHandle;
import org.usb4java.LibUsb;

/**
 * Lists the devices the filter selects that carry a usable vendor interface, and remembers the last
 * listing by path. Product and serial strings need the device opened, so they are read once per
 * device and kept while it stays attached.
 *
 * <p>Thread-safety: scans are serialised; {@link #exitLibUsb()} takes the same lock, so no scan
 * runs into a freed libusb context. {@link #find} may run alongside a scan.
 */
final class UsbDeviceScanner {

    /** A matching device as last seen. */
    record Entry(UsbDeviceInfo info, UsbDeviceInfo.VendorInterface vendorInterface, DeviceDescriptor descriptor) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(UsbDeviceScanner.class);

    private final LibUsbApi api;
    private final DeviceFilter filter;
    private final Map<String, Entry> seen = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private boolean exited;

    UsbDeviceScanner(LibUsbApi api, DeviceFilter filter) {
        this.api = api;
        this.filter = filter;
    }

    /** The matching devices now, by path, in libusb's order. */
    Map<String, Entry> scan() throws TransportException {
        synchronized (lock) {
            if (exited) {
                throw new TransportException(Code.IO, "the USB bus is closed");
            }
            List<UsbDeviceInfo> devices = new ArrayList<>();
            int result = LibUsbErrors.call("listing devices", () -> api.listDevices(devices));
            if (result < 0) {
                throw new TransportException(Code.IO, "listing USB devices failed: " + LibUsbErrors.name(result));
            }
            Map<String, Entry> found = new LinkedHashMap<>();
            for (UsbDeviceInfo info : devices) {
                if (!filter.matchesUsb(info.vendorId(), info.productId())) {
                    continue;
                }
                var vendorInterface = info.vendorInterface();
                if (vendorInterface.isEmpty()) {
                    continue;
                }
                String path = DevicePaths.of(UsbBus.NAME, info.location());
                Entry known = seen.get(path);
                found.put(path, known != null && known.info().equals(info) ? known : describe(path, info, vendorInterface.get()));
            }
            seen.keySet().retainAll(found.keySet());
            seen.putAll(found);
            return found;
        }
    }

    /** The device at {@code path} as the last scan saw it. */
    Optional<Entry> find(String path) {
        return Optional.ofNullable(seen.get(path));
    }

    /** Frees the libusb context once no scan runs; later scans fail. */
    void exitLibUsb() {
        synchronized (lock) {
            if (exited) {
                return;
            }
            exited = true;
            seen.clear();
            api.exit();
        }
    }

    private Entry describe(String path, UsbDeviceInfo info, UsbDeviceInfo.VendorInterface vendorInterface) {
        String product = null;
        String serial = null;
        DeviceHandle handle = new DeviceHandle();
        try {
            int result = api.open(info.location(), handle);
            if (result == LibUsb.SUCCESS) {
                try {
                    product = api.stringDescriptor(handle, info.productIndex());
                    serial = api.stringDescriptor(handle, info.serialIndex());
                } finally {
                    api.close(handle);
                }
            } else {
                LOG.debug("{}: cannot open to read its strings: {}", path, LibUsbErrors.name(result));
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("{}: reading its strings failed", path, e);
        }
        if (product == null || product.isBlank()) {
            product = String.format("USB device %04x:%04x", info.vendorId(), info.productId());
        }
        return new Entry(info, vendorInterface, new DeviceDescriptor(path, UsbBus.NAME, info.vendorId(), info.productId(), product, serial));
    }
}
