package dev.hwbridge.protocol.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Feeds the Ledger reassembler arbitrary reports, as a host reads them from a hostile device.
 * Input: records of a control byte and a report; a control byte with bit 7 set is followed by a
 * report of {@code ctl & 0x7F} bytes, otherwise by a 64-byte report.
 */
class LedgerReassemblerFuzzTest {

    private static final int LIMIT = 4096;

    @FuzzTest
    void anyReportSequenceGivesBoundedMessagesOrFramingErrors(byte[] input) {
        LedgerReassembler reassembler = new LedgerReassembler(LIMIT);
        int at = 0;
        while (at < input.length) {
            int control = input[at++] & 0xFF;
            int length = (control & 0x80) != 0 ? control & 0x7F : LedgerFraming.REPORT_SIZE;
            byte[] report = Arrays.copyOfRange(input, at, Math.min(input.length, at + length));
            at += length;
            try {
                Optional<byte[]> message = reassembler.accept(report);
                message.ifPresent(m -> assertThat(m.length).isLessThanOrEqualTo(LIMIT));
            } catch (LedgerException refused) {
                assertThat(refused.error()).isEqualTo(LedgerError.FRAMING);
                assertThat(reassembler.isBusy()).isFalse();
            }
            assertThat(reassembler.bufferedCapacity()).isBetween(0, LIMIT);
        }
    }
}
