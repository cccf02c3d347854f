package dev.hwbridge.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.FrameCommand;
import dev.hwbridge.protocol.framing.HidFraming;
import dev.hwbridge.protocol.framing.InitReply;
import dev.hwbridge.protocol.framing.InitRequest;
import dev.hwbridge.protocol.framing.ReportWriter;
import dev.hwbridge.protocol.message.Messages;
import dev.hwbridge.protocol.message.Response;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class DeviceClientProperties {

    private static final int CHANNEL = 0x7a3f0c15;
    private static final Duration WAIT = Duration.ofSeconds(1);

    @Property(tries = 300)
    void junkFromTheDeviceEndsACallWithAResponseOrATypedError(@ForAll Random random) throws Exception {
        ReactivePort port = new ReactivePort(report -> answer(report, random));
        try (DeviceClient client = DeviceClient.open(port, WAIT)) {
            List<Response> interims = new ArrayList<>();
            try {
                Response response = client.call(Requests.getFeatures(), interims::add, CallOptions.defaults());
                assertThat(Messages.isFinal(response)).isTrue();
            } catch (DeviceClientException refused) {
                assertThat(refused.code()).isNotNull();
            }
            assertThat(interims).noneMatch(Messages::isFinal);
        }
    }

    @Property(tries = 300)
    void junkInsteadOfAnInitReplyFailsOpenWithATypedError(@ForAll Random random) {
        ReactivePort port = new ReactivePort(report -> junk(random, HidFraming.BROADCAST_CHANNEL));
        try {
            DeviceClient.open(port, WAIT).close();
            throw new AssertionError("junk cannot echo a nonce it never saw, yet open succeeded");
        } catch (DeviceClientException refused) {
            assertThat(refused.code()).isNotNull();
        }
        assertThat(port.isClosed()).isTrue();
    }

    /** A proper INIT reply; junk for anything else. */
    private static List<byte[]> answer(byte[] report, Random random) {
        if ((report[HidFraming.COMMAND_OFFSET] & 0xFF) == FrameCommand.INIT.code()) {
            InitRequest request = new InitRequest(Arrays.copyOfRange(report, HidFraming.INIT_HEADER_SIZE,
                    HidFraming.INIT_HEADER_SIZE + HidFraming.INIT_NONCE_SIZE));
            return ReportWriter.write(InitReply.answering(request, CHANNEL, 0, 1, 0).toFrame(HidFraming.BROADCAST_CHANNEL));
        }
        return junk(random, CHANNEL);
    }

    /**
     * Up to 12 reports of kinds that reach every branch: random bytes, random lengths, random
     * headers on the right channel, and whole frames with random payloads.
     */
    private static List<byte[]> junk(Random random, int channel) {
        List<byte[]> reports = new ArrayList<>();
        int count = random.nextInt(13);
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(5)) {
                case 0 -> reports.add(bytes(random, HidFraming.REPORT_SIZE));
                case 1 -> reports.add(bytes(random, random.nextInt(HidFraming.REPORT_SIZE + 8)));
                case 2 -> {
                    byte[] report = bytes(random, HidFraming.REPORT_SIZE);
                    ByteBuffer.wrap(report).putInt(channel);
                    reports.add(report);
                }
                case 3 -> {
                    FrameCommand command = FrameCommand.values()[random.nextInt(FrameCommand.values().length)];
                    Frame frame = new Frame(channel, command, bytes(random, random.nextInt(200)));
                    reports.addAll(ReportWriter.write(frame));
                }
                default -> {
                    byte[] report = bytes(random, HidFraming.REPORT_SIZE);
                    ByteBuffer.wrap(report).putInt(channel).put((byte) (0x80 | random.nextInt(0x80)))
                            .putShort((short) random.nextInt(8000));
                    reports.add(report);
                }
            }
        }
        return reports;
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
