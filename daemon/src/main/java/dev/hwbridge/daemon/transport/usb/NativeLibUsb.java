package dev.hwbridge.daemon.transport.usb;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.usb4java.ConfigDescriptor;
import org.usb4java.Context;
import org.usb4java.Device;
import org.usb4java.DeviceDescriptor;
import org.usb4java.DeviceHandle;
import org.usb4java.DeviceList;
import org.usb4java.EndpointDescriptor;
import org.usb4java.HotplugCallbackHandle;
import org.usb4java.Interface;
import org.usb4java.InterfaceDescriptor;
import org.usb4java.LibUsb;

/**
 * {@link LibUsbApi} over usb4java's {@link LibUsb}. The first call loads usb4java's bundled native
 * library (libusb linked in statically), so a missing or broken library shows up as a
 * {@link LinkageError} there.
 *
 * <p>Thread-safety: as {@link LibUsbApi}; the hot-plug handle is guarded by this object.
 */
final class NativeLibUsb implements LibUsbApi {

    /** USB 3 allows up to 7 tiers of hubs below the root port. */
    private static final int MAX_PORT_DEPTH = 7;

    private final Context context = new Context();
    private HotplugCallbackHandle hotplug;

    @Override
    public int init() {
        return LibUsb.init(context);
    }

    @Override
    public void exit() {
        LibUsb.exit(context);
    }

    @Override
    public boolean hasHotplug() {
        return LibUsb.hasCapability(LibUsb.CAP_HAS_HOTPLUG);
    }

    @Override
    public int listDevices(List<UsbDeviceInfo> out) {
        DeviceList list = new DeviceList();
        int count = LibUsb.getDeviceList(context, list);
        if (count < 0) {
            return count;
        }
        int added = 0;
        try {
            for (Device device : list) {
                UsbDeviceInfo info = describe(device);
                if (info != null) {
                    out.add(info);
                    added++;
                }
            }
        } finally {
            LibUsb.freeDeviceList(list, true);
        }
        return added;
    }

    @Override
    public int open(String location, DeviceHandle handle) {
        DeviceList list = new DeviceList();
        int count = LibUsb.getDeviceList(context, list);
        if (count < 0) {
            return count;
        }
        try {
            for (Device device : list) {
                if (location.equals(location(device))) {
                    // libusb_open takes its own reference, so freeing the list below is safe.
                    return LibUsb.open(device, handle);
                }
            }
            return LibUsb.ERROR_NO_DEVICE;
        } finally {
            LibUsb.freeDeviceList(list, true);
        }
    }

    @Override
    public void close(DeviceHandle handle) {
        LibUsb.close(handle);
    }

    @Override
    public String stringDescriptor(DeviceHandle handle, int index) {
        return index == 0 ? null : LibUsb.getStringDescriptor(handle, (byte) index);
    }

    @Override
    public int kernelDriverActive(DeviceHandle handle, int interfaceNumber) {
        return LibUsb.kernelDriverActive(handle, interfaceNumber);
    }

    @Override
    public int detachKernelDriver(DeviceHandle handle, int interfaceNumber) {
        return LibUsb.detachKernelDriver(handle, interfaceNumber);
    }

    @Override
    public int attachKernelDriver(DeviceHandle handle, int interfaceNumber) {
        return LibUsb.attachKernelDriver(handle, interfaceNumber);
    }

    @Override
    public int claimInterface(DeviceHandle handle, int interfaceNumber) {
        return LibUsb.claimInterface(handle, interfaceNumber);
    }

    @Override
    public int releaseInterface(DeviceHandle handle, int interfaceNumber) {
        return LibUsb.releaseInterface(handle, interfaceNumber);
    }

    @Override
    public int interruptTransfer(DeviceHandle handle, byte endpoint, ByteBuffer data, IntBuffer transferred, long timeoutMillis) {
        if (!data.isDirect() || !transferred.isDirect()) {
            // usb4java reads the buffers' native addresses; a heap buffer would be a native fault.
            return LibUsb.ERROR_INVALID_PARAM;
        }
        return LibUsb.interruptTransfer(handle, endpoint, data, transferred, timeoutMillis);
    }

    @Override
    public synchronized int registerHotplug(int vendorId, Runnable onChange) {
        if (hotplug != null) {
            return LibUsb.ERROR_BUSY;
        }
        HotplugCallbackHandle handle = new HotplugCallbackHandle();
        int result = LibUsb.hotplugRegisterCallback(context,
                LibUsb.HOTPLUG_EVENT_DEVICE_ARRIVED | LibUsb.HOTPLUG_EVENT_DEVICE_LEFT, LibUsb.HOTPLUG_NO_FLAGS,
                vendorId, LibUsb.HOTPLUG_MATCH_ANY, LibUsb.HOTPLUG_MATCH_ANY,
                (ctx, device, event, userData) -> {
                    onChange.run();
                    return 0; // stay registered
                }, null, handle);
        if (result == LibUsb.SUCCESS) {
            hotplug = handle;
        }
        return result;
    }

    @Override
    public synchronized void deregisterHotplug() {
        if (hotplug != null) {
            LibUsb.hotplugDeregisterCallback(context, hotplug);
            hotplug = null;
        }
    }

    @Override
    public int handleEventsTimeout(long timeoutMicros) {
        return LibUsb.handleEventsTimeout(context, timeoutMicros);
    }

    /** Null when the device descriptor is unreadable: such a device cannot be matched anyway. */
    private static UsbDeviceInfo describe(Device device) {
        DeviceDescriptor descriptor = new DeviceDescriptor();
        if (LibUsb.getDeviceDescriptor(device, descriptor) != LibUsb.SUCCESS) {
            return null;
        }
        return new UsbDeviceInfo(location(device), descriptor.idVendor() & 0xFFFF, descriptor.idProduct() & 0xFFFF,
                descriptor.iProduct() & 0xFF, descriptor.iSerialNumber() & 0xFF, interfaces(device));
    }

    private static List<UsbDeviceInfo.Interface> interfaces(Device device) {
        ConfigDescriptor config = new ConfigDescriptor();
        if (LibUsb.getActiveConfigDescriptor(device, config) != LibUsb.SUCCESS) {
            return List.of();
        }
        List<UsbDeviceInfo.Interface> result = new ArrayList<>();
        try {
            // Copy everything out before freeing: these objects read the native structure.
            for (Interface iface : config.iface()) {
                for (InterfaceDescriptor setting : iface.altsetting()) {
                    List<UsbDeviceInfo.Endpoint> endpoints = new ArrayList<>();
                    for (EndpointDescriptor endpoint : setting.endpoint()) {
                        endpoints.add(new UsbDeviceInfo.Endpoint(endpoint.bEndpointAddress() & 0xFF, endpoint.bmAttributes() & 0xFF));
                    }
                    result.add(new UsbDeviceInfo.Interface(setting.bInterfaceNumber() & 0xFF, setting.bAlternateSetting() & 0xFF,
                            setting.bInterfaceClass() & 0xFF, endpoints));
                }
            }
        } finally {
            LibUsb.freeConfigDescriptor(config);
        }
        return result;
    }

    /** {@code "bus-port.port…"}, like Linux sysfs names; {@code "bus-@address"} if ports are unknown. */
    static String location(Device device) {
        int bus = LibUsb.getBusNumber(device);
        ByteBuffer ports = ByteBuffer.allocateDirect(MAX_PORT_DEPTH);
        int depth = LibUsb.getPortNumbers(device, ports);
        if (depth <= 0) {
            return bus + "-@" + LibUsb.getDeviceAddress(device);
        }
        StringJoiner path = new StringJoiner(".");
        for (int i = 0; i < depth; i++) {
            path.add(Integer.toString(ports.get(i) & 0xFF));
        }
        return bus + "-" + path;
    }
}
