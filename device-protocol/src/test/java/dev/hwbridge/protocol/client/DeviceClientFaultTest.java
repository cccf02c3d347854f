package dev.hwbridge.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.protocol.client.DeviceClientException.Code;
import dev.hwbridge.protocol.framing.HidFraming;
import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.testkit.device.DeviceFault;
import dev.hwbridge.testkit.device.Responses;
import dev.hwbridge.testkit.device.Script;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceClientFaultTest extends ConnectedClientFixture {

    @Test
    void deviceUnpluggedInTheMiddleOfAReplyIsGoneForThisAndEveryLaterCall() throws Exception {
        device.enqueue(Script.create()
                .reply(Responses.buttonRequest(ButtonRequest.Kind.SIGN, "Sign"))
                .fault(DeviceFault.DISCONNECT_MID_MESSAGE));

        assertThatThrownBy(() -> client.call(Requests.sign(10)))
                .isInstanceOfSatisfying(DeviceClientException.class,
                        e -> assertThat(e.code()).isEqualTo(Code.DEVICE_GONE));
        assertThatThrownBy(() -> client.ping(new byte[1]))
                .isInstanceOfSatisfying(DeviceClientException.class,
                        e -> assertThat(e.code()).isEqualTo(Code.DEVICE_GONE));
    }

    @Test
    void deviceUnpluggedWhileWaitingIsGone() throws Exception {
        device.enqueue(Script.create().fault(DeviceFault.DISCONNECT));

        assertThatThrownBy(() -> client.call(Requests.getFeatures()))
                .isInstanceOfSatisfying(DeviceClientException.class,
                        e -> assertThat(e.code()).isEqualTo(Code.DEVICE_GONE));
    }

    @Test
    void deviceUnpluggedBeforeTheCallFailsTheWriteAsGone() {
        device.unplug();

        assertThatThrownBy(() -> client.call(Requests.getFeatures()))
                .isInstanceOfSatisfying(DeviceClientException.class,
                        e -> assertThat(e.code()).isEqualTo(Code.DEVICE_GONE));
    }

    @Test
    void reportOfTheWrongSizeIsAProtocolError() throws Exception {
        ReactivePort port = new ReactivePort(report -> List.of(new byte[HidFraming.REPORT_SIZE - 1]));

        assertThatThrownBy(() -> DeviceClient.open(port, WAIT))
                .isInstanceOfSatisfying(DeviceClientException.class,
                        e -> assertThat(e.code()).isEqualTo(Code.PROTOCOL_ERROR));
    }

    @Test
    void continuationWithoutItsInitPacketIsAProtocolError() throws Exception {
        int channel = client.deviceInfo().channel();
        byte[] stray = new byte[HidFraming.REPORT_SIZE];
        stray[0] = (byte) (channel >>> 24);
        stray[1] = (byte) (channel >>> 16);
        stray[2] = (byte) (channel >>> 8);
        stray[3] = (byte) channel;
        stray[4] = 0x00; // SEQ 0 with nothing half-received
        device.enqueue(Script.create().report(stray));

        assertThatThrownBy(() -> client.call(Requests.getFeatures()))
                .isInstanceOfSatisfying(DeviceClientException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.PROTOCOL_ERROR);
                    assertThat(e.getMessage()).contains("INVALID_SEQUENCE");
                });
    }

    @Test
    void straySingleReportOnAnotherChannelDoesNotDisturbAMessageInProgress() throws Exception {
        // A continuation for some other channel, between the replies: dropped before reassembly.
        byte[] stray = new byte[HidFraming.REPORT_SIZE];
        stray[0] = 0x12;
        stray[4] = 0x05;
        device.enqueue(Script.create()
                .report(stray)
                .reply(Responses.success("y".repeat(300))));

        assertThat(client.call(Requests.getFeatures())).isEqualTo(Responses.success("y".repeat(300)));
    }
}
