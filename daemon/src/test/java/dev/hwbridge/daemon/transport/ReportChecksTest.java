package dev.hwbridge.daemon.transport;

import static dev.hwbridge.daemon.transport.ChannelAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.hwbridge.daemon.transport.TransportException.Code;
import org.junit.jupiter.api.Test;

class ReportChecksTest {

    private static final String PATH = "usb:0011223344556677";

    @Test
    void onlyASixtyFourByteReportMayGoOut() {
        assertThatCode(() -> ReportChecks.requireReportSize(new byte[64])).doesNotThrowAnyException();
        assertCode(() -> ReportChecks.requireReportSize(new byte[63]), Code.BAD_REPORT);
        assertCode(() -> ReportChecks.requireReportSize(new byte[65]), Code.BAD_REPORT);
        assertCode(() -> ReportChecks.requireReportSize(null), Code.BAD_REPORT);
    }

    @Test
    void aReceivedReportOfAnotherSizeIsBadReportNamingThePath() {
        assertThatCode(() -> ReportChecks.requireReceivedSize(PATH, 64)).doesNotThrowAnyException();
        assertCode(() -> ReportChecks.requireReceivedSize(PATH, 32), Code.BAD_REPORT);

        TransportException overlong = org.junit.jupiter.api.Assertions.assertThrows(TransportException.class,
                () -> ReportChecks.requireReceivedSize(PATH, 65));
        assertThat(overlong.getMessage()).isEqualTo(PATH + ": the device sent a 65-byte report, expected 64");
    }

    @Test
    void aShortWriteIsIoWithTheCount() {
        TransportException failure = ReportChecks.shortWrite(PATH, 10);

        assertThat(failure.code()).isEqualTo(Code.IO);
        assertThat(failure.getMessage()).isEqualTo(PATH + ": short write, 10 of 64 bytes");
    }
}
