package dev.hwbridge.daemon.transport.usb;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.List;
import org.usb4java.DeviceHandle;

/**
 * The libusb calls the raw USB bus makes, one method per call, so tests can stand in for the
 * native library (usb4java's {@code LibUsb} is all static methods). Each instance owns one libusb
 * context. Results follow libusb: {@code int} results are 0 or a count on success and a negative
 * {@code LIBUSB_ERROR_*} code (usb4java's {@code LibUsb.ERROR_*}) on failure.
 *
 * <p>Two calls differ from libusb to keep native structures out of this interface:
 * {@link #listDevices} copies the device list and descriptors into {@link UsbDeviceInfo} records
 * and frees the native list, and {@link #open} names the device by its location.
 *
 * <p>Thread-safety: as libusb's. Transfers and events may run on several threads at once;
 * {@link #close} and {@link #exit} must not overlap any call using the handle or context.
 */
interface LibUsbApi {

    /** libusb_init on this api's own context. */
    int init();

    /** libusb_exit: frees the context. Nothing may be called afterwards. */
    void exit();

    /** libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG). */
    boolean hasHotplug();

    /**
     * libusb_get_device_list plus each device's descriptors; a device whose device descriptor cannot
     * be read is left out, one without a readable active configuration has no interfaces.
     *
     * @param out receives the devices
     * @return the number of devices added, or an error code
     */
    int listDevices(List<UsbDeviceInfo> out);

    /**
     * libusb_open on the device now at {@code location}.
     *
     * @return 0, {@code ERROR_NO_DEVICE} if nothing is at that location, or another error code
     */
    int open(String location, DeviceHandle handle);

    /** libusb_close. */
    void close(DeviceHandle handle);

    /** libusb_get_string_descriptor_ascii; null when {@code index} is 0 or the string is unreadable. */
    String stringDescriptor(DeviceHandle handle, int index);

    /** libusb_kernel_driver_active: 1 active, 0 none, or an error code ({@code ERROR_NOT_SUPPORTED} off Linux). */
    int kernelDriverActive(DeviceHandle handle, int interfaceNumber);

    int detachKernelDriver(DeviceHandle handle, int interfaceNumber);

    int attachKernelDriver(DeviceHandle handle, int interfaceNumber);

    int claimInterface(DeviceHandle handle, int interfaceNumber);

    int releaseInterface(DeviceHandle handle, int interfaceNumber);

    /**
     * libusb_interrupt_transfer of {@code data.capacity()} bytes ({@code data} must be direct).
     * {@code transferred} is set only on success. A timeout of 0 means no timeout.
     */
    int interruptTransfer(DeviceHandle handle, byte endpoint, ByteBuffer data, IntBuffer transferred, long timeoutMillis);

    /**
     * libusb_hotplug_register_callback for arrivals and departures of {@code vendorId}'s devices;
     * {@code onChange} runs on the thread handling events and must only take note.
     */
    int registerHotplug(int vendorId, Runnable onChange);

    /** libusb_hotplug_deregister_callback of the registered callback, if any. */
    void deregisterHotplug();

    /** libusb_handle_events_timeout: runs hot-plug callbacks for up to {@code timeoutMicros}. */
    int handleEventsTimeout(long timeoutMicros);
}
