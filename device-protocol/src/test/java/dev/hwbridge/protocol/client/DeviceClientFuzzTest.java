package dev.hwbridge.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hwbridge.protocol.client.DeviceClientException.Code;
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

/**
 * Runs the host's {@link DeviceClient} against a device that sends arbitrary bytes: the client must
 * end every open and call with the device's final Response or a typed {@link DeviceClientException}.
 *
 * <p>Input: a flags byte (bit 0: the device answers INIT properly; bit 1: a PING instead of a
 * call), then the device's reports as records: a control byte whose low two bits put the report on
 * the client's channel (0), the broadcast channel (1) or the channel in the next 4 bytes (2), each
 * followed by 60 bytes (command or sequence byte first); 3 gives a report of the wrong size, its
 * length in the next byte. The device sends every report at once after the first request it reads;
 * once they are read it is gone, so no input waits for a timeout.
 */
class DeviceClientFuzzTest {

    private static final int CHANNEL = 0x1c2d3e4f;
    private static final Duration WAIT = Duration.ofSeconds(5);

    @FuzzTest
    void anyDeviceOutputEndsACallWithAFinalResponseOrATypedError(byte[] input) {
        if (input.length == 0) {
            return;
        }
        boolean properInit = (input[0] & 1) != 0;
        boolean ping = (input[0] & 2) != 0;
        List<byte[]> deviceReports = reports(input);
        boolean[] sent = {false};
        ReactivePort port = new ReactivePort(written -> {
            int command = written[HidFraming.COMMAND_OFFSET] & 0xFF;
            if (command == FrameCommand.INIT.code() && properInit) {
                byte[] nonce = Arrays.copyOfRange(written, HidFraming.INIT_HEADER_SIZE,
                        HidFraming.INIT_HEADER_SIZE + HidFraming.INIT_NONCE_SIZE);
                return ReportWriter.write(InitReply.answering(new InitRequest(nonce), CHANNEL, 1, 0, 0)
                        .toFrame(HidFraming.BROADCAST_CHANNEL));
            }
            if (command == FrameCommand.CANCEL.code() || sent[0]) {
                return List.of();
            }
            sent[0] = true;
            return deviceReports;
        });
        DeviceClient client;
        try {
            client = DeviceClient.open(port, WAIT);
        } catch (DeviceClientException refused) {
            assertThat(refused.code()).isIn(Code.DEVICE_GONE, Code.PROTOCOL_ERROR, Code.DEVICE_ERROR);
            assertThat(port.isClosed()).isTrue();
            return;
        }
        try (client) {
            if (ping) {
                byte[] data = {1, 2, 3};
                assertThat(client.ping(data)).isEqualTo(data);
            } else {
                List<Response> interims = new ArrayList<>();
                Response response = client.call(Requests.getFeatures(), interims::add, CallOptions.defaults());
                assertThat(Messages.isFinal(response)).isTrue();
                assertThat(interims).noneMatch(Messages::isFinal);
            }
        } catch (DeviceClientException refused) {
            assertThat(refused.code()).isIn(Code.DEVICE_GONE, Code.PROTOCOL_ERROR, Code.DEVICE_ERROR);
            assertThat(refused.frameError().isPresent()).isEqualTo(refused.code() == Code.DEVICE_ERROR);
        }
        assertThat(port.isClosed()).isTrue();
    }

    private static List<byte[]> reports(byte[] input) {
        List<byte[]> reports = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(input, 1, input.length - 1);
        while (in.hasRemaining()) {
            int control = in.get() & 3;
            if (control == 3) {
                reports.add(take(in, in.hasRemaining() ? (in.get() & 0xFF) % 80 : 0));
                continue;
            }
            int channel = switch (control) {
                case 0 -> CHANNEL;
                case 1 -> HidFraming.BROADCAST_CHANNEL;
                default -> ByteBuffer.wrap(take(in, 4)).getInt();
            };
            reports.add(ByteBuffer.allocate(HidFraming.REPORT_SIZE).putInt(channel)
                    .put(take(in, HidFraming.REPORT_SIZE - HidFraming.CHANNEL_SIZE)).array());
        }
        return reports;
    }

    /** The next {@code count} bytes, zero-padded where the input ends. */
    private static byte[] take(ByteBuffer in, int count) {
        byte[] out = new byte[count];
        in.get(out, 0, Math.min(count, in.remaining()));
        return out;
    }
}
