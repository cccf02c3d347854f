package dev.hwbridge.protocol.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HidFramingTest {

    @Test
    void sizesAreTheCtaphidOnes() {
        assertThat(HidFraming.INIT_HEADER_SIZE).isEqualTo(7);
        assertThat(HidFraming.INIT_DATA_SIZE).isEqualTo(57);
        assertThat(HidFraming.CONTINUATION_HEADER_SIZE).isEqualTo(5);
        assertThat(HidFraming.CONTINUATION_DATA_SIZE).isEqualTo(59);
        assertThat(HidFraming.MAX_MESSAGE_SIZE).isEqualTo(7609);
        assertThat(HidFraming.MAX_REPORTS).isEqualTo(129);
        assertThat(HidFraming.INIT_REPLY_SIZE).isEqualTo(17);
    }

    @Test
    void reportCountFollowsTheDataSizes() {
        assertThat(HidFraming.reportCount(0)).isEqualTo(1);
        assertThat(HidFraming.reportCount(57)).isEqualTo(1);
        assertThat(HidFraming.reportCount(58)).isEqualTo(2);
        assertThat(HidFraming.reportCount(57 + 59)).isEqualTo(2);
        assertThat(HidFraming.reportCount(57 + 59 + 1)).isEqualTo(3);
        assertThat(HidFraming.reportCount(7609)).isEqualTo(129);
    }

    @Test
    void reportCountRefusesLengthsNoMessageCanHave() {
        assertThatThrownBy(() -> HidFraming.reportCount(7610)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HidFraming.reportCount(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void commandAndErrorBytesAreCtaphids() {
        assertThat(FrameCommand.PING.code()).isEqualTo(0x81);
        assertThat(FrameCommand.MSG.code()).isEqualTo(0x83);
        assertThat(FrameCommand.INIT.code()).isEqualTo(0x86);
        assertThat(FrameCommand.CANCEL.code()).isEqualTo(0x91);
        assertThat(FrameCommand.KEEPALIVE.code()).isEqualTo(0xBB);
        assertThat(FrameCommand.ERROR.code()).isEqualTo(0xBF);
        assertThat(FrameError.INVALID_COMMAND.code()).isEqualTo(0x01);
        assertThat(FrameError.INVALID_LENGTH.code()).isEqualTo(0x03);
        assertThat(FrameError.INVALID_SEQUENCE.code()).isEqualTo(0x04);
        assertThat(FrameError.MESSAGE_TIMEOUT.code()).isEqualTo(0x05);
        assertThat(FrameError.CHANNEL_BUSY.code()).isEqualTo(0x06);
        assertThat(FrameError.INVALID_CHANNEL.code()).isEqualTo(0x0B);
        assertThat(FrameError.OTHER.code()).isEqualTo(0x7F);
        assertThat(KeepaliveStatus.PROCESSING.code()).isEqualTo(1);
        assertThat(KeepaliveStatus.WAITING_FOR_USER.code()).isEqualTo(2);
    }

    @Test
    void everyCommandHasBitSevenSet() {
        for (FrameCommand command : FrameCommand.values()) {
            assertThat(command.code() & HidFraming.INIT_BIT).as(command.name()).isNotZero();
            assertThat(FrameCommand.fromCode(command.code())).contains(command);
        }
        assertThat(FrameCommand.fromCode(0x80)).isEmpty();
    }

    @Test
    void allocatedChannelsAreNeverReservedOrBroadcast() {
        java.util.Random alwaysSpecial = new java.util.Random() {
            private int calls;

            @Override
            public int nextInt() {
                calls++;
                return switch (calls) {
                    case 1 -> 0;
                    case 2 -> -1;
                    default -> 0x1234;
                };
            }
        };
        assertThat(Channels.allocate(alwaysSpecial)).isEqualTo(0x1234);
        assertThat(Channels.format(0x2a)).isEqualTo("0x0000002a");
    }
}
