package dev.hwbridge.protocol.framing;

import static dev.hwbridge.protocol.framing.Reports.bytes;
import static dev.hwbridge.protocol.framing.Reports.hex;
import static dev.hwbridge.protocol.framing.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FramePayloadsTest {

    @Test
    void initRequestIsTheNonceOnTheBroadcastChannel() {
        InitRequest request = new InitRequest(bytes("0102030405060708"));

        assertThat(hex(ReportWriter.write(request.toFrame()).get(0)))
                .isEqualTo(hex(report("ffffffff 86 0008 0102030405060708")));
    }

    @Test
    void initReplyLayoutIsNonceChannelVersions() throws FramingException {
        InitReply reply = InitReply.answering(new InitRequest(bytes("0102030405060708")), 0x7a3f0c15, 0, 4, 2);

        // nonce ‖ CID 7a3f0c15 ‖ protocol 01 ‖ 00.04.02 ‖ capabilities 00
        assertThat(hex(reply.encode())).isEqualTo("0102030405060708" + "7a3f0c15" + "01" + "000402" + "00");
        assertThat(InitReply.from(reply.toFrame(HidFraming.BROADCAST_CHANNEL))).isEqualTo(reply);
        assertThat(reply.deviceVersion()).isEqualTo("0.4.2");
        assertThat(reply.answers(new InitRequest(bytes("0102030405060708")))).isTrue();
        assertThat(reply.answers(new InitRequest(bytes("0102030405060709")))).isFalse();
    }

    @Test
    void initReplyOfTheWrongLengthIsRejected() {
        Frame shortReply = new Frame(HidFraming.BROADCAST_CHANNEL, FrameCommand.INIT, new byte[16]);

        assertThatThrownBy(() -> InitReply.from(shortReply))
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.error()).isEqualTo(FrameError.INVALID_LENGTH));
    }

    @Test
    void initReplyAllocatingTheBroadcastChannelIsRejected() {
        Frame reply = new Frame(HidFraming.BROADCAST_CHANNEL, FrameCommand.INIT,
                bytes("0102030405060708 ffffffff 01 000000 00"));

        assertThatThrownBy(() -> InitReply.from(reply))
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.error()).isEqualTo(FrameError.INVALID_CHANNEL));
    }

    @Test
    void initRequestOfTheWrongLengthIsRejected() {
        Frame request = new Frame(HidFraming.BROADCAST_CHANNEL, FrameCommand.INIT, new byte[7]);

        assertThatThrownBy(() -> InitRequest.from(request))
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.error()).isEqualTo(FrameError.INVALID_LENGTH));
        assertThatThrownBy(() -> InitRequest.from(Frame.ping(1, new byte[8])))
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.error()).isEqualTo(FrameError.INVALID_COMMAND));
    }

    @Test
    void errorFrameNamesItsCode() throws FramingException {
        assertThat(Frame.error(1, FrameError.MESSAGE_TIMEOUT).errorCode()).isEqualTo(FrameError.MESSAGE_TIMEOUT);
        // 0x42 is no CTAPHID error this version knows.
        assertThat(new Frame(1, FrameCommand.ERROR, bytes("42")).errorCode()).isEqualTo(FrameError.OTHER);
        assertThatThrownBy(() -> new Frame(1, FrameCommand.ERROR, new byte[0]).errorCode())
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.error()).isEqualTo(FrameError.INVALID_LENGTH));
    }

    @Test
    void keepaliveNamesItsStatus() throws FramingException {
        assertThat(Frame.keepalive(1, KeepaliveStatus.PROCESSING).keepaliveStatus()).isEqualTo(KeepaliveStatus.PROCESSING);
        assertThatThrownBy(() -> new Frame(1, FrameCommand.KEEPALIVE, bytes("09")).keepaliveStatus())
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.error()).isEqualTo(FrameError.OTHER));
        assertThatThrownBy(() -> Frame.ping(1, bytes("01")).keepaliveStatus())
                .isInstanceOfSatisfying(FramingException.class, e -> assertThat(e.error()).isEqualTo(FrameError.INVALID_COMMAND));
    }
}
