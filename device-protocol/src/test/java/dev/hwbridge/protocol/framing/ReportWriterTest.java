package dev.hwbridge.protocol.framing;

import static dev.hwbridge.protocol.framing.Reports.bytes;
import static dev.hwbridge.protocol.framing.Reports.hex;
import static dev.hwbridge.protocol.framing.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportWriterTest {

    @Test
    void emptyPingIsOneZeroPaddedInitPacket() {
        List<byte[]> reports = ReportWriter.write(Frame.ping(0x01020304, new byte[0]));

        // CID 01020304, CMD 81 (PING), BCNT 0000, then 57 zero bytes.
        assertThat(reports).hasSize(1);
        assertThat(hex(reports.get(0))).isEqualTo(hex(report("01020304 81 0000")));
    }

    @Test
    void fiftySevenBytesFitTheInitPacket() {
        byte[] payload = new byte[57];
        payload[0] = 0x11;
        payload[56] = 0x22;

        List<byte[]> reports = ReportWriter.write(Frame.message(0xCAFEBABE, payload));

        assertThat(reports).hasSize(1);
        assertThat(reports.get(0)).hasSize(64);
        assertThat(hex(reports.get(0))).startsWith("cafebabe830039" + "11").endsWith("22");
    }

    @Test
    void fiftyEighthByteGoesToContinuationZero() {
        byte[] payload = new byte[58];
        payload[57] = 0x5A;

        List<byte[]> reports = ReportWriter.write(Frame.message(0x0000002A, payload));

        // Init: CID 0000002a, CMD 83 (MSG), BCNT 003a = 58. Continuation: CID, SEQ 00, data 5a.
        assertThat(reports).hasSize(2);
        assertThat(hex(reports.get(0))).isEqualTo(hex(report("0000002a 83 003a")));
        assertThat(hex(reports.get(1))).isEqualTo(hex(report("0000002a 00 5a")));
    }

    @Test
    void largestMessageEndsWithSequence127() {
        List<byte[]> reports = ReportWriter.write(Frame.message(7, new byte[HidFraming.MAX_MESSAGE_SIZE]));

        assertThat(reports).hasSize(129);
        assertThat(hex(reports.get(0))).startsWith("00000007831db9");
        assertThat(reports.get(128)[4]).isEqualTo((byte) 127);
    }

    @Test
    void keepaliveAndErrorCarryOneByte() {
        assertThat(hex(ReportWriter.write(Frame.keepalive(1, KeepaliveStatus.WAITING_FOR_USER)).get(0)))
                .isEqualTo(hex(report("00000001 bb 0001 02")));
        assertThat(hex(ReportWriter.write(Frame.error(1, FrameError.CHANNEL_BUSY)).get(0)))
                .isEqualTo(hex(report("00000001 bf 0001 06")));
        assertThat(hex(ReportWriter.write(Frame.cancel(1)).get(0))).isEqualTo(hex(report("00000001 91 0000")));
    }

    @Test
    void framesRefuseReservedChannelAndOversizedPayload() {
        assertThatThrownBy(() -> Frame.message(0, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Frame.message(1, new byte[7610])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void frameToStringHidesThePayload() {
        Frame frame = Frame.message(0x2a, bytes("73656372657421"));

        assertThat(frame.toString()).isEqualTo("Frame[channel=0x0000002a, command=MSG, length=7]");
    }

    @Test
    void writingDoesNotChangeTheFrame() {
        Frame frame = Frame.message(9, bytes("0102030405"));

        ReportWriter.write(frame);

        assertThat(frame.payload()).isEqualTo(bytes("0102030405"));
    }
}
