package dev.hwbridge.protocol.framing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Feeds the reassembler arbitrary report sequences, as a device reads them from a hostile host.
 *
 * <p>Input: records of a control byte and a report. A control byte with bit 7 set is followed by a
 * report of {@code ctl & 0x7F} bytes (a wrong size, usually); otherwise a 64-byte report follows,
 * and bit 6 first lets the message timeout pass, bit 5 first calls {@link Reassembler#expire()}.
 * The seeds are {@link ReportWriter} output with control byte 0.
 */
class ReassemblerFuzzTest {

    private static final Duration TIMEOUT = HidFraming.MESSAGE_TIMEOUT;

    @FuzzTest
    void anyReportSequenceGivesWholeFramesOrFramingErrors(byte[] input) throws FramingException {
        long[] now = {0};
        Reassembler reassembler = new Reassembler(TIMEOUT, () -> now[0]);
        byte[] lastInit = null;
        int at = 0;
        while (at < input.length) {
            int control = input[at++] & 0xFF;
            int length = (control & 0x80) != 0 ? control & 0x7F : HidFraming.REPORT_SIZE;
            byte[] report = Arrays.copyOfRange(input, at, at + length);
            at += length;
            if ((control & 0x80) == 0 && (control & 0x40) != 0) {
                now[0] += TIMEOUT.toNanos();
            }
            try {
                if ((control & 0x80) == 0 && (control & 0x20) != 0) {
                    reassembler.expire();
                }
                Optional<Frame> frame = reassembler.accept(report);
                if (frame.isPresent()) {
                    checkFrame(frame.get(), report, lastInit);
                } else if (isInit(report)) {
                    lastInit = report;
                }
            } catch (FramingException refused) {
                assertThat(refused.error()).isNotNull();
            }
            assertThat(reassembler.bufferedCapacity()).isBetween(0, HidFraming.MAX_MESSAGE_SIZE);
            assertThat(reassembler.isBusy()).isEqualTo(reassembler.pendingChannel().isPresent());
        }
    }

    /** What a completed frame must be: the bytes of the reports that made it, and a frame that round-trips. */
    private static void checkFrame(Frame frame, byte[] last, byte[] init) throws FramingException {
        assertThat(frame.length()).isLessThanOrEqualTo(HidFraming.MAX_MESSAGE_SIZE);
        assertThat(frame.channel()).isEqualTo(Channels.of(last));
        byte[] payload = frame.payload();
        if (isInit(last)) {
            assertThat(payload).isEqualTo(Arrays.copyOfRange(last, HidFraming.INIT_HEADER_SIZE,
                    HidFraming.INIT_HEADER_SIZE + payload.length));
            assertThat(frame.command().code()).isEqualTo(last[HidFraming.COMMAND_OFFSET] & 0xFF);
        } else {
            // Completed by a continuation: it began with the latest init report that started a message.
            assertThat(init).isNotNull();
            assertThat(frame.command().code()).isEqualTo(init[HidFraming.COMMAND_OFFSET] & 0xFF);
            assertThat(Arrays.copyOf(payload, HidFraming.INIT_DATA_SIZE))
                    .isEqualTo(Arrays.copyOfRange(init, HidFraming.INIT_HEADER_SIZE, HidFraming.REPORT_SIZE));
            int lastChunk = (payload.length - HidFraming.INIT_DATA_SIZE - 1) % HidFraming.CONTINUATION_DATA_SIZE + 1;
            assertThat(Arrays.copyOfRange(payload, payload.length - lastChunk, payload.length))
                    .isEqualTo(Arrays.copyOfRange(last, HidFraming.CONTINUATION_HEADER_SIZE,
                            HidFraming.CONTINUATION_HEADER_SIZE + lastChunk));
        }
        Reassembler fresh = new Reassembler();
        List<byte[]> reports = ReportWriter.write(frame);
        Optional<Frame> again = Optional.empty();
        for (byte[] report : reports) {
            assertThat(again).isEmpty();
            again = fresh.accept(report);
        }
        assertThat(again).contains(frame);
    }

    private static boolean isInit(byte[] report) {
        return report.length == HidFraming.REPORT_SIZE && (report[HidFraming.COMMAND_OFFSET] & HidFraming.INIT_BIT) != 0;
    }
}
