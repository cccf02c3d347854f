package dev.hwbridge.protocol.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LedgerFramingTest {

    /** Zero bytes to the end of a 64-byte report. */
    private static String padTo64(String hex) {
        return hex + "00".repeat(64 - hex.length() / 2);
    }

    @Test
    void aShortApduIsOneZeroPaddedReportWithItsLength() {
        // channel 0101, tag 05, sequence 0000, length 0005, then F9 00 00 00 00 (get version)
        List<byte[]> reports = LedgerFraming.write(HexBytes.of("f900000000"));

        assertThat(reports).hasSize(1);
        assertThat(HexBytes.text(reports.get(0))).isEqualTo(padTo64("0101" + "05" + "0000" + "0005" + "f900000000"));
    }

    @Test
    void aLongMessageContinuesWithSequenceNumbersAndNoLength() {
        byte[] message = new byte[57 + 59 + 1];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) i;
        }
        List<byte[]> reports = LedgerFraming.write(message);

        assertThat(reports).hasSize(3);
        assertThat(HexBytes.text(reports.get(0))).startsWith("0101050000" + "0075" + "000102");
        assertThat(HexBytes.text(reports.get(1))).startsWith("0101050001" + "393a3b");
        // the third holds the last byte (0x74) and 58 zero bytes
        assertThat(HexBytes.text(reports.get(2))).isEqualTo(padTo64("0101050002" + "74"));
    }

    @Test
    void reportCountFollowsThe57And59ByteDataAreas() {
        assertThat(LedgerFraming.reportCount(0)).isEqualTo(1);
        assertThat(LedgerFraming.reportCount(57)).isEqualTo(1);
        assertThat(LedgerFraming.reportCount(58)).isEqualTo(2);
        assertThat(LedgerFraming.reportCount(57 + 59)).isEqualTo(2);
        assertThat(LedgerFraming.reportCount(57 + 59 + 1)).isEqualTo(3);
    }

    @Test
    void theReassemblerGivesBackWhatTheWriterCut() throws LedgerException {
        byte[] message = new byte[300];
        message[299] = 0x42;
        LedgerReassembler reassembler = new LedgerReassembler(1000);
        Optional<byte[]> out = Optional.empty();
        for (byte[] report : LedgerFraming.write(message)) {
            assertThat(out).isEmpty();
            out = reassembler.accept(report);
        }
        assertThat(out).hasValueSatisfying(m -> assertThat(m).isEqualTo(message));
        assertThat(reassembler.isBusy()).isFalse();
    }

    @Test
    void aReplyOfTheStatusWordAloneIsTwoBytes() throws LedgerException {
        byte[] report = HexBytes.of(padTo64("0101050000" + "0002" + "6986"));

        Optional<byte[]> message = new LedgerReassembler(64).accept(report);

        assertThat(message).hasValueSatisfying(m -> assertThat(HexBytes.text(m)).isEqualTo("6986"));
        assertThat(ApduResponse.decode(message.get()).statusWord()).isEqualTo(0x6986);
    }

    @Test
    void aWrongChannelIsRefused() {
        byte[] report = HexBytes.of(padTo64("0102050000" + "0002" + "9000"));
        assertFraming(new LedgerReassembler(64), report, "channel 0x0102");
    }

    @Test
    void aWrongTagIsRefused() {
        byte[] report = HexBytes.of(padTo64("0101020000" + "0002" + "9000"));
        assertFraming(new LedgerReassembler(64), report, "tag 0x02");
    }

    @Test
    void aContinuationOutOfOrderIsRefusedAndDropsTheMessage() throws LedgerException {
        LedgerReassembler reassembler = new LedgerReassembler(1000);
        List<byte[]> reports = LedgerFraming.write(new byte[200]);
        reassembler.accept(reports.get(0));

        assertFraming(reassembler, reports.get(2), "sequence 2, expected 1");
        assertThat(reassembler.isBusy()).isFalse();
    }

    @Test
    void aContinuationWithoutAFirstReportIsRefused() {
        assertFraming(new LedgerReassembler(1000), LedgerFraming.write(new byte[200]).get(1), "sequence 1, expected 0");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAllocating() {
        byte[] report = HexBytes.of(padTo64("0101050000" + "ffff"));
        LedgerReassembler reassembler = new LedgerReassembler(4096);

        assertFraming(reassembler, report, "declared length 65535 is over the limit of 4096");
        assertThat(reassembler.bufferedCapacity()).isZero();
    }

    @Test
    void aReportOfAnotherSizeIsRefused() {
        assertFraming(new LedgerReassembler(64), new byte[65], "a report has 64 bytes, got 65");
    }

    private static void assertFraming(LedgerReassembler reassembler, byte[] report, String message) {
        assertThatThrownBy(() -> reassembler.accept(report))
                .isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.error()).isEqualTo(LedgerError.FRAMING);
                    assertThat(e.statusWord()).isEmpty();
                })
                .hasMessageContaining(message);
    }
}
