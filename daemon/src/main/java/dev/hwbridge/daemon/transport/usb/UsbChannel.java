package dev.hwbridge.daemon.transport.usb;

import dev.hwbridge.daemon.transport.Deadline;
import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.NativeCallGuard;
import dev.hwbridge.daemon.transport.ReportChecks;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.TransportException.Code;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.usb4java.DeviceHandle;
import org.usb4java.LibUsb;

/**
 * One claimed vendor-specific USB interface: 64-byte interrupt transfers on its IN and OUT endpoints.
 *
 * <p>Thread-safety: one reader and one writer may run at once, as {@link DeviceChannel} allows
 * (each direction has its own native buffers, and a second reader or writer waits for the first);
 * {@link #close()} may come from any thread. Every libusb call runs under a {@link NativeCallGuard},
 * so the handle is never closed under a running transfer. Transfers wait in slices of at most
 * {@link #SLICE} so a close is prompt.
 */
final class UsbChannel implements DeviceChannel {

    /** How long one libusb transfer may block; bounds how long {@link #close()} waits. */
    static final Duration SLICE = Duration.ofMillis(100);

    /** How long the device may take to accept one report before a write fails, unless told otherwise. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(UsbChannel.class);

    private final LibUsbApi api;
    private final DeviceHandle handle;
    private final DeviceDescriptor descriptor;
    private final UsbDeviceInfo.VendorInterface vendorInterface;
    private final boolean reattachKernelDriver;
    private final Duration writeTimeout;
    private final Consumer<UsbChannel> onClose;
    private final NativeCallGuard guard;

    // libusb writes through the buffers' native addresses, hence direct buffers, one set per direction.
    private final ByteBuffer inBuffer = ByteBuffer.allocateDirect(REPORT_SIZE);
    private final IntBuffer inCount = ByteBuffer.allocateDirect(Integer.BYTES).asIntBuffer();
    private final ByteBuffer outBuffer = ByteBuffer.allocateDirect(REPORT_SIZE);
    private final IntBuffer outCount = ByteBuffer.allocateDirect(Integer.BYTES).asIntBuffer();
    private final Object readMutex = new Object();
    private final Object writeMutex = new Object();

    /**
     * @param handle               open, with {@code vendorInterface} claimed
     * @param reattachKernelDriver whether opening detached a kernel driver that close should give back
     * @param writeTimeout         how long the device may take to accept one report
     * @param onClose              told once, after the handle is closed
     */
    UsbChannel(LibUsbApi api, DeviceHandle handle, DeviceDescriptor descriptor, UsbDeviceInfo.VendorInterface vendorInterface,
               boolean reattachKernelDriver, Duration writeTimeout, Consumer<UsbChannel> onClose) {
        this.api = api;
        this.handle = handle;
        this.descriptor = descriptor;
        this.vendorInterface = vendorInterface;
        this.reattachKernelDriver = reattachKernelDriver;
        this.writeTimeout = writeTimeout;
        this.onClose = onClose;
        this.guard = new NativeCallGuard(descriptor.path());
    }

    @Override
    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void write(byte[] report) throws TransportException {
        ReportChecks.requireReportSize(report);
        Deadline deadline = Deadline.after(writeTimeout);
        synchronized (writeMutex) {
            while (true) {
                long sliceMillis = sliceMillis(deadline);
                boolean sent = guard.call("write", () -> writeSlice(report, sliceMillis));
                if (sent) {
                    return;
                }
                if (deadline.passed()) {
                    throw new TransportException(Code.IO, descriptor.path() + ": the device did not take the report within "
                            + writeTimeout.toMillis() + " ms");
                }
            }
        }
    }

    /** True when sent; false on a timeout with nothing sent, so the caller may try again. */
    private boolean writeSlice(byte[] report, long timeoutMillis) throws TransportException {
        outBuffer.clear();
        outBuffer.put(report);
        outBuffer.clear();
        outCount.put(0, 0);
        int result = api.interruptTransfer(handle, vendorInterface.outEndpoint(), outBuffer, outCount, timeoutMillis);
        if (result == LibUsb.ERROR_TIMEOUT) {
            // usb4java reports no count on a timeout; a single-packet report is either sent or not.
            return false;
        }
        if (result < 0) {
            throw LibUsbErrors.transferFailure(descriptor.path(), "write", result);
        }
        int sent = outCount.get(0);
        if (sent != REPORT_SIZE) {
            throw ReportChecks.shortWrite(descriptor.path(), sent);
        }
        return true;
    }

    @Override
    public Optional<byte[]> read(Duration timeout) throws TransportException {
        Deadline deadline = Deadline.after(timeout);
        synchronized (readMutex) {
            while (true) {
                long sliceMillis = sliceMillis(deadline);
                Optional<byte[]> report = guard.call("read", () -> readSlice(sliceMillis));
                if (report.isPresent() || deadline.passed()) {
                    return report;
                }
            }
        }
    }

    private Optional<byte[]> readSlice(long timeoutMillis) throws TransportException {
        inBuffer.clear();
        inCount.put(0, 0);
        int result = api.interruptTransfer(handle, vendorInterface.inEndpoint(), inBuffer, inCount, timeoutMillis);
        if (result == LibUsb.ERROR_TIMEOUT) {
            return Optional.empty();
        }
        if (result < 0) {
            throw LibUsbErrors.transferFailure(descriptor.path(), "read", result);
        }
        ReportChecks.requireReceivedSize(descriptor.path(), inCount.get(0));
        byte[] report = new byte[REPORT_SIZE];
        inBuffer.get(0, report);
        return Optional.of(report);
    }

    @Override
    public void close() {
        if (guard.closeQuietly(this::release)) {
            onClose.accept(this);
        }
    }

    /** Gives the interface (and any kernel driver) back, then closes the handle even if that failed. */
    private void release() {
        int number = vendorInterface.number();
        try {
            int result = api.releaseInterface(handle, number);
            if (result < 0 && result != LibUsb.ERROR_NO_DEVICE) {
                LOG.warn("{}: releasing interface {} failed: {}", descriptor.path(), number, LibUsbErrors.name(result));
            }
            if (reattachKernelDriver) {
                result = api.attachKernelDriver(handle, number);
                if (result < 0 && result != LibUsb.ERROR_NO_DEVICE) {
                    LOG.warn("{}: re-attaching the kernel driver failed: {}", descriptor.path(), LibUsbErrors.name(result));
                }
            }
        } finally {
            api.close(handle);
        }
    }

    /** At least 1 ms: libusb reads a timeout of 0 as "wait forever". */
    private static long sliceMillis(Deadline deadline) {
        return deadline.sliceMillis(SLICE, 1);
    }
}
