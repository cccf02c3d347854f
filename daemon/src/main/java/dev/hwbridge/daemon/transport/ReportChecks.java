package dev.hwbridge.daemon.transport;

import static dev.hwbridge.daemon.transport.DeviceChannel.REPORT_SIZE;

import dev.hwbridge.daemon.transport.TransportException.Code;

/**
 * The report size checks native channels make on what they send and receive, so HID and raw USB
 * refuse the same things with the same codes and messages.
 */
public final class ReportChecks {

    private ReportChecks() {
    }

    /**
     * Checks a report before it goes out, so a wrong one never reaches the device.
     *
     * @throws TransportException {@code BAD_REPORT} unless {@code report} is exactly {@link DeviceChannel#REPORT_SIZE} bytes
     */
    public static void requireReportSize(byte[] report) throws TransportException {
        if (report == null || report.length != REPORT_SIZE) {
            throw new TransportException(Code.BAD_REPORT, "a report must be exactly " + REPORT_SIZE + " bytes, was "
                    + (report == null ? "null" : report.length));
        }
    }

    /**
     * Checks how many bytes the device sent as one report.
     *
     * @throws TransportException {@code BAD_REPORT} unless {@code received} is {@link DeviceChannel#REPORT_SIZE}
     */
    public static void requireReceivedSize(String path, int received) throws TransportException {
        if (received != REPORT_SIZE) {
            throw new TransportException(Code.BAD_REPORT, path + ": the device sent a " + received
                    + "-byte report, expected " + REPORT_SIZE);
        }
    }

    /** The {@code IO} failure of a write that sent only {@code written} bytes of a report. */
    public static TransportException shortWrite(String path, int written) {
        return new TransportException(Code.IO, path + ": short write, " + written + " of " + REPORT_SIZE + " bytes");
    }
}
