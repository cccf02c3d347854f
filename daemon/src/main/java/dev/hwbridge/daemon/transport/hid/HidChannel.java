package dev.hwbridge.daemon.transport.hid;

import dev.hwbridge.daemon.transport.Deadline;
import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.NativeCallGuard;
import dev.hwbridge.daemon.transport.ReportChecks;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.TransportException.Code;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.hid4java.HidDevice;

/**
 * One open HID device: 64-byte reports through hid4java's {@link HidDevice}.
 *
 * <p>Thread-safety: one reader and one writer may run at once, as {@link DeviceChannel} allows;
 * {@link #close()} may come from any thread. Every hidapi call runs under a {@link NativeCallGuard},
 * so closing never frees the hidapi handle under a running read. Reads wait in slices of at most
 * {@link #READ_SLICE} so a close wakes a blocked reader promptly.
 */
final class HidChannel implements DeviceChannel {

    /** How long one hidapi read may block; bounds how long {@link #close()} waits for a reader. */
    static final Duration READ_SLICE = Duration.ofMillis(100);

    /** Unnumbered reports: hidapi wants report id 0 in front and strips it before the device sees the data. */
    private static final byte NO_REPORT_ID = 0;

    private final HidDevice device;
    private final DeviceDescriptor descriptor;
    private final BooleanSupplier stillAttached;
    private final Consumer<HidChannel> onClose;
    private final NativeCallGuard guard;

    /**
     * @param device        an opened hid4java device
     * @param stillAttached asked after a failed call, to tell an unplugged device from another failure
     * @param onClose       told once, after the device is closed
     */
    HidChannel(HidDevice device, DeviceDescriptor descriptor, BooleanSupplier stillAttached, Consumer<HidChannel> onClose) {
        this.device = device;
        this.descriptor = descriptor;
        this.stillAttached = stillAttached;
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
        // hid4java's write(data, length, reportId) builds [reportId, data...] and hands those 65 bytes
        // to hid_write; with report id 0 hidapi drops the first byte, so exactly our 64 bytes go out.
        // hidapi counts the report id byte in its result, so success is 65 (64 on some back ends).
        int written = guard.call("write", () -> {
            requireOpen();
            return device.write(report, REPORT_SIZE, NO_REPORT_ID);
        });
        if (written < 0) {
            throw failure("write");
        }
        if (written < REPORT_SIZE) {
            throw ReportChecks.shortWrite(descriptor.path(), written);
        }
    }

    @Override
    public Optional<byte[]> read(Duration timeout) throws TransportException {
        Deadline deadline = Deadline.after(timeout);
        while (true) {
            // hidapi reads 0 as "poll", which is right once the deadline has come.
            Optional<byte[]> report = readSlice((int) deadline.sliceMillis(READ_SLICE, 0));
            if (report.isPresent() || deadline.passed()) {
                return report;
            }
        }
    }

    private Optional<byte[]> readSlice(int timeoutMillis) throws TransportException {
        // One byte more than a report, so a device sending longer reports is caught, not truncated.
        byte[] buffer = new byte[REPORT_SIZE + 1];
        int read = guard.call("read", () -> {
            requireOpen();
            return device.read(buffer, timeoutMillis);
        });
        if (read == 0) {
            return Optional.empty();
        }
        if (read < 0) {
            throw failure("read");
        }
        ReportChecks.requireReceivedSize(descriptor.path(), read);
        return Optional.of(Arrays.copyOf(buffer, REPORT_SIZE));
    }

    @Override
    public void close() {
        if (guard.closeQuietly(device::close)) {
            onClose.accept(this);
        }
    }

    /** hid4java throws IllegalStateException on a closed device; we say so first, with our code. */
    private void requireOpen() throws TransportException {
        if (device.isClosed()) {
            throw new TransportException(Code.DEVICE_GONE, descriptor.path() + " is no longer open");
        }
    }

    /** hidapi reports -1 for every failure; an unplugged device is told apart by enumerating again. */
    private TransportException failure(String what) throws TransportException {
        String reason = guard.call("error message", device::getLastErrorMessage);
        boolean attached = guard.call("presence check", stillAttached::getAsBoolean);
        if (!attached) {
            return new TransportException(Code.DEVICE_GONE, descriptor.path() + ": " + what + " failed, the device is gone (" + reason + ")");
        }
        return new TransportException(Code.IO, descriptor.path() + ": " + what + " failed (" + reason + ")");
    }
}
