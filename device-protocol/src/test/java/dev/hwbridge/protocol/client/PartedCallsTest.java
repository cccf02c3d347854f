package dev.hwbridge.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.hwbridge.protocol.client.DeviceClientException.Code;
import dev.hwbridge.protocol.message.MessageParts;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.SignPayload;
import dev.hwbridge.testkit.device.Responses;
import dev.hwbridge.testkit.device.Script;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** PartedCalls against a device that does not announce capability 0x02 (the ScriptedDevice). */
class PartedCallsTest extends ConnectedClientFixture {

    private static Request signWithProof(int proofBytes) {
        return Request.newBuilder().setSignPayload(SignPayload.newBuilder()
                .setKind(SignPayload.Kind.TRANSACTION)
                .setPayload(ByteString.copyFrom(new byte[100]))
                .setMetadataProof(ByteString.copyFrom(new byte[proofBytes])))
                .build();
    }

    @Test
    void aRequestThatFitsOneFrameGoesAsItIs() throws Exception {
        Response signature = Responses.signature(new byte[64]);
        device.enqueue(Script.create().reply(signature));
        Request request = signWithProof(7000);

        Response reply = PartedCalls.call(client, request, r -> { }, CallOptions.defaults());

        assertThat(reply).isEqualTo(signature);
        assertThat(device.takeRequest(WAIT).request()).isEqualTo(request);
    }

    @Test
    void aLargerOneIsRefusedBeforeAnythingIsSentToADeviceWithoutTheCapability() throws Exception {
        Request request = signWithProof(9000);

        assertThat(MessageParts.supported(client.deviceInfo().capabilities())).isFalse();
        assertThat(PartedCalls.fits(request, client.deviceInfo().capabilities())).isFalse();
        assertThatThrownBy(() -> PartedCalls.call(client, request, r -> { }, CallOptions.defaults()))
                .isInstanceOfSatisfying(DeviceClientException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_REQUEST));
        assertThat(device.takeRequest(Duration.ofMillis(200))).isNull();
    }

    @Test
    void whatFitsDependsOnTheCapabilityAndTheBound() {
        assertThat(PartedCalls.fits(signWithProof(9000), MessageParts.CAPABILITY)).isTrue();
        assertThat(PartedCalls.fits(signWithProof(9000), 0x01)).isFalse();
        assertThat(PartedCalls.fits(signWithProof(MessageParts.MAX_MESSAGE_SIZE), MessageParts.CAPABILITY)).isFalse();
    }
}
