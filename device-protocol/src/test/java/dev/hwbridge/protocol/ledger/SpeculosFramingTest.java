package dev.hwbridge.protocol.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SpeculosFramingTest {

    @Test
    void aRequestIsItsLengthBigEndianThenTheApdu() {
        assertThat(HexBytes.text(SpeculosFraming.encodeRequest(HexBytes.of("f900000000")))).isEqualTo("00000005" + "f900000000");
    }

    @Test
    void aReplysLengthCountsTheDataButNotTheStatusWord() {
        byte[] reply = SpeculosFraming.encodeReply(new ApduResponse(HexBytes.of("0102"), 0x9000));
        assertThat(HexBytes.text(reply)).isEqualTo("00000002" + "0102" + "9000");
    }

    @Test
    void repliesAndRequestsReadBack() throws IOException, LedgerException {
        ApduResponse reply = SpeculosFraming.readReply(new ByteArrayInputStream(HexBytes.of("00000000" + "6986")), 100);
        assertThat(reply).isEqualTo(new ApduResponse(new byte[0], 0x6986));

        ByteArrayInputStream two = new ByteArrayInputStream(HexBytes.of("00000004f9000000" + "00000005f900000000"));
        assertThat(SpeculosFraming.readRequest(two, 300)).hasValueSatisfying(a -> assertThat(HexBytes.text(a)).isEqualTo("f9000000"));
        assertThat(SpeculosFraming.readRequest(two, 300)).hasValueSatisfying(a -> assertThat(HexBytes.text(a)).isEqualTo("f900000000"));
        assertThat(SpeculosFraming.readRequest(two, 300)).isEmpty();
    }

    @Test
    void aLengthOverTheLimitIsRefusedBeforeReading() {
        assertThatThrownBy(() -> SpeculosFraming.readRequest(new ByteArrayInputStream(HexBytes.of("ffffffff")), 300))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.error()).isEqualTo(LedgerError.FRAMING))
                .hasMessageContaining("4294967295");
    }

    @Test
    void aStreamEndingMidReplyIsFraming() {
        assertThatThrownBy(() -> SpeculosFraming.readReply(new ByteArrayInputStream(HexBytes.of("0000000401029000")), 100))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.error()).isEqualTo(LedgerError.FRAMING));
    }
}
