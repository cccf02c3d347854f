package dev.hwbridge.simulator.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.FrameCommand;
import dev.hwbridge.protocol.message.MessageIds;
import dev.hwbridge.protocol.message.MessageParts;
import dev.hwbridge.simulator.Simulator;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.TestHost;
import dev.hwbridge.simulator.testing.Vectors;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code run --hid-timing}: one report per 1 ms interval each way, as a full-speed USB HID endpoint. */
class HidTimingTest {

    @Test
    void aOneReportPingTakesAtLeastTwoIntervalsAndAFiveReportEchoTenMore() throws Exception {
        try (Simulator device = Devices.builder().mnemonic(Vectors.DEV_PHRASE).hidTiming(true).start();
             TestHost host = TestHost.connect(device.udpPort())) {
            long[] oneReport = new long[5];
            for (int i = 0; i < oneReport.length; i++) {
                oneReport[i] = pingNanos(host, new byte[] {(byte) i});
            }
            long fiveReports = pingNanos(host, new byte[57 + 4 * 59]);

            Arrays.sort(oneReport);
            assertThat(oneReport[2]).isGreaterThanOrEqualTo(2_000_000L);
            assertThat(fiveReports).isGreaterThanOrEqualTo(10_000_000L);
        }
    }

    @Test
    void theInitReplyAnnouncesPartsAndMessageIds() throws Exception {
        try (Simulator device = Devices.builder().mnemonic(Vectors.DEV_PHRASE).start();
             TestHost host = TestHost.connect(device.udpPort())) {
            assertThat(host.init().capabilities()).isEqualTo(MessageParts.CAPABILITY | MessageIds.CAPABILITY);
        }
    }

    private static long pingNanos(TestHost host, byte[] data) {
        long started = System.nanoTime();
        host.send(Frame.ping(host.channel(), data));
        Frame echo = host.receive(TestHost.TIMEOUT);
        long took = System.nanoTime() - started;
        assertThat(echo.command()).isEqualTo(FrameCommand.PING);
        assertThat(echo.payload()).isEqualTo(data);
        return took;
    }
}
