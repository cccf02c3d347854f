package dev.hwbridge.protocol.client;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * A two-way link carrying 64-byte reports to and from one device that pushes what arrives, so a
 * client waiting for the device holds no thread ({@link AsyncDeviceClient} is its user). A
 * datagram channel on an event loop is one; a blocking {@link ReportPort} becomes one through
 * {@link ReaderThreadLink}.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>{@link #send} must not keep the array after it returns: the client zeroes it, since a MSG
 *       report may carry a JSON file's password (a link that writes later copies it, and zeroes
 *       the copy once written). It is called from one thread at a time.</li>
 *   <li>{@code onReport} and {@code onFailure} may be called on any thread, reports one at a time
 *       in the order they arrived; the client hands them to its own executor.</li>
 *   <li>{@link #send} may return before the report is out (a writer of its own); a write that
 *       fails later is reported to {@code onFailure}.</li>
 *   <li>A report that is not 64 bytes is delivered as it is (the client refuses it), or as a
 *       {@link PortException} of kind MALFORMED_REPORT; any other failure means the device is gone
 *       and nothing more is delivered.</li>
 * </ul>
 */
public interface ReportLink extends AutoCloseable {

    /** Starts delivering reports and failures; called once, before the first {@link #send}. */
    void start(Consumer<byte[]> onReport, Consumer<IOException> onFailure);

    /**
     * Sends one report.
     *
     * @param report exactly 64 bytes
     * @throws IOException when the device is gone or the link is closed
     */
    void send(byte[] report) throws IOException;

    /**
     * Whether the client waits for reports now. A link that must ask for each report (a blocking
     * port) reads only while they are wanted, and after each report it delivered waits for the
     * client's next word before reading again, so that the read after a call's last reply is never
     * made for nobody. A link the device pushes to may ignore it.
     */
    default void demand(boolean wanted) {
    }

    /** Idempotent, callable from any thread; nothing is delivered afterwards. */
    @Override
    void close();
}
