package dev.hwbridge.protocol.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChannelsTest {

    @Test
    void theChannelIsTheReportsFirstFourBytesBigEndian() {
        byte[] report = new byte[HidFraming.REPORT_SIZE];
        System.arraycopy(HexFormat.of().parseHex("fedcba98"), 0, report, 0, 4);
        report[4] = (byte) 0x83;

        assertThat(Channels.of(report)).isEqualTo(0xFEDCBA98);
        assertThat(Channels.format(Channels.of(report))).isEqualTo("0xfedcba98");
    }

    @Test
    void theBroadcastChannelReadsAsItself() {
        assertThat(Channels.of(HexFormat.of().parseHex("ffffffff86"))).isEqualTo(HidFraming.BROADCAST_CHANNEL);
    }

    @Test
    void fewerThanFourBytesHoldNoChannel() {
        assertThatThrownBy(() -> Channels.of(new byte[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 bytes");
    }
}
