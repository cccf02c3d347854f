package dev.hwbridge.daemon.transport;

import dev.hwbridge.protocol.client.ReaderThreadLink;
import dev.hwbridge.protocol.client.ReportLink;
import dev.hwbridge.protocol.client.ReportPort;
import java.time.Duration;
import java.util.Optional;

/**
 * One open device: 64-byte reports in and out, and the protocol client's {@link ReportPort} as it
 * is (the one failure it raises is {@link TransportException}). Everything above this interface is
 * blind to whether the device is on USB HID, raw USB or a simulator over UDP.
 *
 * <p>One reader and one writer thread may use a channel at once; {@link #close()} may be called
 * from any thread, is idempotent, and wakes a blocked {@link #read}.
 */
public interface DeviceChannel extends ReportPort {

    /** The size of every report, in bytes. */
    int REPORT_SIZE = 64;

    /** The descriptor this channel was opened from. */
    DeviceDescriptor descriptor();

    /**
     * Sends one report.
     *
     * @param report exactly {@link #REPORT_SIZE} bytes
     * @throws TransportException {@code DEVICE_GONE} if the device went away, {@code IO} otherwise
     */
    @Override
    void write(byte[] report) throws TransportException;

    /**
     * Waits up to {@code timeout} for one report.
     *
     * @return the report ({@link #REPORT_SIZE} bytes), or empty if none came in time
     * @throws TransportException {@code DEVICE_GONE} if the device went away or the channel was
     *     closed, {@code BAD_REPORT} if the device sent something that is not a report
     */
    @Override
    Optional<byte[]> read(Duration timeout) throws TransportException;

    /**
     * This channel as the event-driven protocol client's link; closing the link closes the
     * channel. By default a reader and a writer thread for the open device (not per call) use its
     * blocking reads and writes (hidapi and libusb offer no others), so the device event loop
     * never blocks on it; a transport that can hear the device without a thread of its own (a
     * datagram channel on an event loop) overrides this.
     */
    default ReportLink link() {
        return ReaderThreadLink.withWriterThread(this, "hwbridge-" + descriptor().transport());
    }

    @Override
    void close();
}
