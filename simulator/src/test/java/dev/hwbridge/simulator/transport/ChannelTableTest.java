package dev.hwbridge.simulator.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChannelTableTest {

    private static final SocketAddress HOST = new InetSocketAddress("127.0.0.1", 40000);
    private static final SocketAddress PROBE = new InetSocketAddress("127.0.0.1", 40001);

    @Test
    void livenessProbesNeverPushOutAnIdleSession() {
        ChannelTable table = new ChannelTable(new Random(1), channel -> false);
        int session = table.allocate(HOST);
        table.touch(session);
        for (int i = 0; i < 1000; i++) {
            table.allocate(PROBE);
        }
        assertThat(table.isBoundTo(session, HOST)).isTrue();
    }

    @Test
    void unusedChannelsGoFirstAndTheNewestStay() {
        ChannelTable table = new ChannelTable(new Random(2), channel -> false);
        int first = table.allocate(HOST);
        for (int i = 0; i < ChannelTable.UNUSED_CAPACITY - 2; i++) {
            table.allocate(PROBE);
        }
        int last = table.allocate(PROBE);
        assertThat(table.isBoundTo(first, HOST)).isTrue();
        table.allocate(PROBE);
        assertThat(table.isBoundTo(first, HOST)).isFalse();
        assertThat(table.isBoundTo(last, PROBE)).isTrue();
    }

    @Test
    void aBusyChannelIsNeverForgotten() {
        int[] busy = new int[1];
        ChannelTable table = new ChannelTable(new Random(3), channel -> channel == busy[0]);
        busy[0] = table.allocate(HOST);
        table.touch(busy[0]);
        int oldestIdle = 0;
        for (int i = 0; i < ChannelTable.USED_CAPACITY * 3; i++) {
            int other = table.allocate(PROBE);
            table.touch(other);
            if (i == 0) {
                oldestIdle = other;
            }
        }
        assertThat(table.isBoundTo(busy[0], HOST)).isTrue();
        assertThat(table.isBoundTo(oldestIdle, PROBE)).isFalse();
    }

    @Test
    void aChannelIsBoundToTheAddressThatAskedForIt() {
        ChannelTable table = new ChannelTable(new Random(4), channel -> false);
        int channel = table.allocate(HOST);
        assertThat(table.isBoundTo(channel, HOST)).isTrue();
        assertThat(table.isBoundTo(channel, PROBE)).isFalse();
        assertThat(table.isBoundTo(channel + 1, HOST)).isFalse();
    }
}
