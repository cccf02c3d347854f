package dev.hwbridge.daemon.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameScannerTest {

    private final FrameScanner scanner = new FrameScanner();
    private final List<String> events = new ArrayList<>();
    private final FrameScanner.Listener recorder = new FrameScanner.Listener() {
        @Override
        public boolean header(boolean fin, int opcode, long payloadBytes) {
            events.add("header " + fin + " " + opcode + " " + payloadBytes);
            return true;
        }

        @Override
        public void frameEnded(boolean fin, int opcode) {
            events.add("end " + fin + " " + opcode);
        }
    };

    private void scan(String hex) {
        scanner.scan(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex)), recorder);
    }

    @Test
    void maskedTextFrameInOnePiece() {
        // FIN text, masked, 3 bytes; mask 01020304; payload.
        scan("8183" + "01020304" + "616263");

        assertThat(events).containsExactly("header true 1 3", "end true 1");
        assertThat(scanner.midFrame()).isFalse();
    }

    @Test
    void headerSplitAcrossReadsIsReportedWhenWhole() {
        // Continuation (no FIN), 16-bit length 0x0100, masked.
        scan("00");
        scan("FE01");
        assertThat(events).isEmpty();
        assertThat(scanner.midFrame()).isTrue();
        scan("00" + "AABBCCDD");

        assertThat(events).containsExactly("header false 0 256");
    }

    @Test
    void sixtyFourBitLengthIsReadWholeAndTopBitMeansHuge() {
        scan("81FF" + "0000010000000000" + "00000000");
        new FrameScanner().scan(Unpooled.wrappedBuffer(HexFormat.of().parseHex("81FF" + "8000000000000000" + "00000000")),
                recorder);

        assertThat(events).containsExactly("header true 1 1099511627776", "header true 1 " + Long.MAX_VALUE);
    }

    @Test
    void payloadsAreSkippedAcrossReadsAndFramesFollowInOneRead() {
        scan("0182" + "00000000" + "61");
        scan("62" + "8081" + "00000000" + "63" + "8980" + "00000000");

        assertThat(events).containsExactly("header false 1 2", "end false 1", "header true 0 1", "end true 0",
                "header true 9 0", "end true 9");
        assertThat(scanner.midFrame()).isFalse();
    }

    @Test
    void stopsWhenTheListenerSaysSo() {
        FrameScanner.Listener stopper = new FrameScanner.Listener() {
            @Override
            public boolean header(boolean fin, int opcode, long payloadBytes) {
                events.add("header");
                return false;
            }

            @Override
            public void frameEnded(boolean fin, int opcode) {
                events.add("end");
            }
        };

        scanner.scan(Unpooled.wrappedBuffer(HexFormat.of().parseHex("8180000000008180")), stopper);

        assertThat(events).containsExactly("header");
    }
}
