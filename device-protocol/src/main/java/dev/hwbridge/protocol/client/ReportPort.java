package dev.hwbridge.protocol.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A two-way link carrying 64-byte reports to and from one device, whatever the transport (USB
 * HID, raw USB, UDP to the simulator, an in-memory pipe in tests), read by blocking. The protocol
 * client reads it through a {@link ReaderThreadLink}: one thread reads while at most one thread
 * writes at a time.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>{@link #write} must not keep the array after it returns: the client zeroes it, since a
 *       MSG report may carry a JSON file's password.</li>
 *   <li>{@link #read} returns empty when nothing came within the timeout; it never throws for a
 *       plain timeout.</li>
 *   <li>A thread interrupted while blocked in {@link #read} or {@link #write} gets an
 *       {@link InterruptedIOException} (or {@link java.nio.channels.ClosedByInterruptException});
 *       a port that cannot be interrupted returns within its timeout instead.</li>
 *   <li>Once the device is gone or the port is closed, both methods throw {@link IOException}.</li>
 * </ul>
 */
public interface ReportPort extends AutoCloseable {

    /**
     * Sends one report.
     *
     * @param report exactly 64 bytes
     * @throws IOException when the device is gone or the port is closed
     */
    void write(byte[] report) throws IOException;

    /**
     * Waits up to {@code timeout} (positive) for one report.
     *
     * @return the report, or empty if none came in time
     * @throws IOException when the device is gone or the port is closed
     */
    Optional<byte[]> read(Duration timeout) throws IOException;

    /** Idempotent, callable from any thread; a blocked {@link #read} then throws {@link IOException}. */
    @Override
    void close();
}
