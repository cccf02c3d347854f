package dev.hwbridge.protocol.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FramingProperties {

    @Test
    void everyLengthFromZeroTo7609RoundTrips() throws FramingException {
        Random random = new Random(7609);
        Reassembler reassembler = new Reassembler();
        for (int length = 0; length <= HidFraming.MAX_MESSAGE_SIZE; length++) {
            byte[] payload = new byte[length];
            random.nextBytes(payload);
            Frame sent = Frame.message(Channels.allocate(random), payload);

            assertThat(feedAll(reassembler, ReportWriter.write(sent))).as("length %d", length).containsExactly(sent);
        }
    }

    @Property(tries = 300)
    void anyFrameOnAnyChannelRoundTrips(@ForAll("frames") Frame sent) throws FramingException {
        List<byte[]> reports = ReportWriter.write(sent);

        assertThat(reports).hasSize(HidFraming.reportCount(sent.length())).allSatisfy(r -> assertThat(r).hasSize(64));
        assertThat(feedAll(new Reassembler(), reports)).containsExactly(sent);
    }

    @Property
    void mangledReportsGiveErrorsOrTheOriginalMessagesNeverAnother(
            @ForAll @Size(min = 1, max = 3) List<@IntRange(max = 600) Integer> lengths,
            @ForAll Random random) throws FramingException {
        Reports.FakeTicker ticker = new Reports.FakeTicker();
        Reassembler reassembler = new Reassembler(HidFraming.MESSAGE_TIMEOUT, ticker);
        Map<Integer, Frame> sentByChannel = new HashMap<>();
        List<byte[]> stream = new ArrayList<>();
        for (int length : lengths) {
            // Distinct channels: framing cannot tell apart two messages of one channel whose
            // reports were reordered, so a transport must not reorder them (PROTOCOL.md).
            int channel;
            do {
                channel = Channels.allocate(random);
            } while (sentByChannel.containsKey(channel));
            byte[] payload = new byte[length];
            random.nextBytes(payload);
            Frame frame = Frame.message(channel, payload);
            sentByChannel.put(channel, frame);
            stream.addAll(ReportWriter.write(frame));
        }
        List<byte[]> mangled = mangle(stream, random);

        Set<Frame> received = new HashSet<>();
        for (byte[] report : mangled) {
            ticker.advance(Duration.ofMillis(random.nextInt(200)));
            try {
                reassembler.accept(report).ifPresent(received::add);
            } catch (FramingException expected) {
                assertThat(expected.error()).isNotNull();
            }
            assertThat(reassembler.bufferedCapacity()).isLessThanOrEqualTo(HidFraming.MAX_MESSAGE_SIZE);
            reassembler.pendingChannel().ifPresent(channel ->
                    assertThat(reassembler.bufferedCapacity()).isEqualTo(sentByChannel.get(channel).length()));
        }

        assertThat(sentByChannel.values()).containsAll(received);
        assertUsableAgain(reassembler, ticker, random);
    }

    @Property
    void junkReportsGiveFramingExceptionsOrFramesAndMemoryStaysBounded(
            @ForAll("junk") List<byte[]> reports, @ForAll Random random) throws FramingException {
        Reports.FakeTicker ticker = new Reports.FakeTicker();
        Reassembler reassembler = new Reassembler(HidFraming.MESSAGE_TIMEOUT, ticker);
        for (byte[] report : reports) {
            ticker.advance(Duration.ofMillis(random.nextInt(1000)));
            try {
                Optional<Frame> frame = reassembler.accept(report);
                frame.ifPresent(f -> assertThat(f.length()).isLessThanOrEqualTo(HidFraming.MAX_MESSAGE_SIZE));
            } catch (FramingException expected) {
                assertThat(expected.error()).isNotNull();
            }
            try {
                reassembler.expire();
            } catch (FramingException expected) {
                assertThat(expected.error()).isEqualTo(FrameError.MESSAGE_TIMEOUT);
            }
            assertThat(reassembler.bufferedCapacity()).isBetween(0, HidFraming.MAX_MESSAGE_SIZE);
        }
        assertUsableAgain(reassembler, ticker, random);
    }

    @Provide
    Arbitrary<Frame> frames() {
        Arbitrary<Integer> channels = Arbitraries.integers().filter(c -> c != 0);
        Arbitrary<FrameCommand> commands = Arbitraries.of(FrameCommand.class);
        Arbitrary<byte[]> payloads = Arbitraries.bytes().array(byte[].class).ofMaxSize(HidFraming.MAX_MESSAGE_SIZE)
                .edgeCases(edges -> edges.includeOnly(new byte[0]));
        return Combinators.combine(channels, commands, payloads).as(Frame::new);
    }

    @Provide
    Arbitrary<List<byte[]>> junk() {
        Arbitrary<Integer> channels = Arbitraries.oneOf(Arbitraries.of(0, 1, 2, HidFraming.BROADCAST_CHANNEL), Arbitraries.integers());
        Arbitrary<Integer> typeBytes = Arbitraries.oneOf(
                Arbitraries.of(0x81, 0x83, 0x86, 0x91, 0xBB, 0xBF, 0x00, 0x01, 0x02, 0x7F),
                Arbitraries.integers().between(0, 255));
        Arbitrary<Integer> lengths = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 200),
                Arbitraries.of(57, 58, 7609, 7610, 0xFFFF),
                Arbitraries.integers().between(0, 0xFFFF));
        Arbitrary<byte[]> plausible = Combinators.combine(channels, typeBytes, lengths, Arbitraries.randoms())
                .as((channel, type, length, random) -> {
                    byte[] report = new byte[HidFraming.REPORT_SIZE];
                    random.nextBytes(report);
                    report[0] = (byte) (channel >>> 24);
                    report[1] = (byte) (channel >>> 16);
                    report[2] = (byte) (channel >>> 8);
                    report[3] = (byte) (int) channel;
                    report[4] = (byte) (int) type;
                    report[5] = (byte) (length >>> 8);
                    report[6] = (byte) (int) length;
                    return report;
                });
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
        return Arbitraries.frequencyOf(
                        Tuple.of(8, plausible),
                        Tuple.of(1, raw))
                .list().ofMaxSize(60);
    }

    /** Truncates, reorders, duplicates, drops and shortens reports at random. */
    private static List<byte[]> mangle(List<byte[]> stream, Random random) {
        List<byte[]> out = new ArrayList<>(stream);
        int edits = random.nextInt(6);
        for (int i = 0; i < edits && !out.isEmpty(); i++) {
            int at = random.nextInt(out.size());
            switch (random.nextInt(5)) {
                case 0 -> out.subList(at, out.size()).clear();
                case 1 -> Collections.swap(out, at, random.nextInt(out.size()));
                case 2 -> out.add(random.nextInt(out.size() + 1), out.get(at));
                case 3 -> out.remove(at);
                default -> out.set(at, Arrays.copyOf(out.get(at), random.nextInt(64)));
            }
        }
        return out;
    }

    /** Once any stale message has timed out, a fresh message on a fresh channel comes through whole. */
    private static void assertUsableAgain(Reassembler reassembler, Reports.FakeTicker ticker, Random random)
            throws FramingException {
        ticker.advance(HidFraming.MESSAGE_TIMEOUT);
        byte[] payload = new byte[random.nextInt(300)];
        random.nextBytes(payload);
        Frame fresh = Frame.message(Channels.allocate(random), payload);

        assertThat(feedAll(reassembler, ReportWriter.write(fresh))).containsExactly(fresh);
        assertThat(reassembler.bufferedCapacity()).isZero();
    }

    /** Feeds reports that must all be accepted; returns the frames they completed. */
    private static List<Frame> feedAll(Reassembler reassembler, List<byte[]> reports) throws FramingException {
        List<Frame> frames = new ArrayList<>();
        for (byte[] report : reports) {
            reassembler.accept(report).ifPresent(frames::add);
        }
        return frames;
    }
}
