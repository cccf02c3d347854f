package dev.hwbridge.daemon.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** However the bytes of a run of frames are cut into reads, the scanner reports exactly those frames. */
class FrameScannerProperties {

    record Frame(boolean fin, int opcode, boolean masked, int length) {

        void writeTo(ByteBuf out) {
            out.writeByte((fin ? 0x80 : 0) | opcode);
            int mask = masked ? 0x80 : 0;
            if (length < 126) {
                out.writeByte(mask | length);
            } else if (length < 65536) {
                out.writeByte(mask | 126).writeShort(length);
            } else {
                out.writeByte(mask | 127).writeLong(length);
            }
            if (masked) {
                out.writeInt(0x11223344);
            }
            out.writeZero(length);
        }
    }

    @Provide
    Arbitrary<Frame> frames() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(0x0, 0x1, 0x2, 0x8, 0x9, 0xA),
                        Arbitraries.of(true, false),
                        Arbitraries.oneOf(Arbitraries.integers().between(0, 130),
                                Arbitraries.of(65535, 65536, 70_000)))
                .as(Frame::new);
    }

    @Property(tries = 300)
    void everyFrameIsReportedOnceWhateverTheReads(@ForAll @Size(max = 8) List<@From("frames") Frame> frames,
                                                   @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 200) Integer> cuts) {
        ByteBuf bytes = Unpooled.buffer();
        List<String> expected = new ArrayList<>();
        for (Frame frame : frames) {
            frame.writeTo(bytes);
            expected.add("header " + frame.fin() + " " + frame.opcode() + " " + frame.length());
            expected.add("end " + frame.fin() + " " + frame.opcode());
        }
        FrameScanner scanner = new FrameScanner();
        List<String> events = new ArrayList<>();
        FrameScanner.Listener recorder = new FrameScanner.Listener() {
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

        int cut = 0;
        while (bytes.isReadable()) {
            int size = Math.min(bytes.readableBytes(), cut < cuts.size() ? cuts.get(cut++) : bytes.readableBytes());
            scanner.scan(bytes.readSlice(size), recorder);
        }

        assertThat(events).isEqualTo(expected);
        assertThat(scanner.midFrame()).isFalse();
        bytes.release();
    }
}
