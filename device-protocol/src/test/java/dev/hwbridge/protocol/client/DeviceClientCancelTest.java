package dev.hwbridge.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.protocol.client.DeviceClientException.Code;
import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.FrameCommand;
import dev.hwbridge.protocol.framing.KeepaliveStatus;
import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.testkit.device.Responses;
import dev.hwbridge.testkit.device.Script;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeviceClientCancelTest extends ConnectedClientFixture {

    private static final Response SIGN_PROMPT = Responses.buttonRequest(ButtonRequest.Kind.SIGN, "Sign transaction");

    @Test
    void cancelFromAnotherThreadEndsTheCallOnceTheDeviceConfirms() throws Exception {
        device.enqueue(Script.create().reply(SIGN_PROMPT).awaitCancel(WAIT));
        device.enqueue(Script.create().reply(Responses.success("next")));
        int channel = client.deviceInfo().channel();
        BackgroundCall call = BackgroundCall.start(interims -> client.call(Requests.sign(10), interims::add));
        assertThat(call.nextInterim(WAIT)).isEqualTo(SIGN_PROMPT);

        client.cancel();

        assertThat(call.failure(WAIT)).isInstanceOfSatisfying(DeviceClientException.class, e -> {
            assertThat(e.code()).isEqualTo(Code.CANCELLED);
            assertThat(e.getMessage()).contains("confirmed");
        });
        assertThat(device.takeFrame(WAIT).command()).isEqualTo(FrameCommand.MSG);
        Frame cancel = device.takeFrame(WAIT);
        assertThat(cancel.command()).isEqualTo(FrameCommand.CANCEL);
        assertThat(cancel.channel()).isEqualTo(channel);
        // Every call runs on a channel of its own, so the next one starts with an INIT.
        assertThat(client.call(Requests.getFeatures())).isEqualTo(Responses.success("next"));
        assertThat(device.initCount()).isEqualTo(2);
    }

    @Test
    void cancelEndsTheCallWhenTheDeviceDoesNotConfirmAndItsLateReplyAnswersNothing() throws Exception {
        // The device keeps computing, deaf to the CANCEL, and only then sends its Failure.
        device.enqueue(Script.create()
                .reply(SIGN_PROMPT)
                .keepalives(KeepaliveStatus.PROCESSING, Duration.ofMillis(800))
                .reply(Responses.failure(Failure.Code.CANCELLED)));
        device.enqueue(Script.create().reply(Responses.success("next")));
        CallOptions options = CallOptions.defaults().withCancelGrace(Duration.ofMillis(200));
        BackgroundCall call = BackgroundCall.start(interims -> client.call(Requests.sign(10), interims::add, options));
        assertThat(call.nextInterim(WAIT)).isEqualTo(SIGN_PROMPT);
        long cancelledAt = System.nanoTime();

        client.cancel();

        assertThat(call.failure(WAIT)).isInstanceOfSatisfying(DeviceClientException.class, e -> {
            assertThat(e.code()).isEqualTo(Code.CANCELLED);
            assertThat(e.getMessage()).contains("did not confirm");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofMillis(800));
        assertThat(device.awaitIdle(WAIT)).isTrue();
        assertThat(client.call(Requests.getFeatures())).isEqualTo(Responses.success("next"));
        assertThat(device.initCount()).isEqualTo(2);
    }

    @Test
    void finalReplySentBeforeTheDeviceSawTheCancelIsReturned() throws Exception {
        Response signature = Responses.signature(new byte[64]);
        device.enqueue(Script.create()
                .reply(SIGN_PROMPT)
                .keepalives(KeepaliveStatus.WAITING_FOR_USER, Duration.ofMillis(300))
                .reply(signature));
        BackgroundCall call = BackgroundCall.start(interims -> client.call(Requests.sign(10), interims::add));
        assertThat(call.nextInterim(WAIT)).isEqualTo(SIGN_PROMPT);

        client.cancel();

        assertThat(call.response(WAIT)).isEqualTo(signature);
    }

    @Test
    void cancelWithNoCallPendingSendsNothing() throws Exception {
        client.cancel();

        assertThat(device.takeFrame(Duration.ofMillis(200))).isNull();
    }

    @Test
    void interruptSendsCancelThrowsInterruptedAndKeepsTheInterruptStatus() throws Exception {
        device.enqueue(Script.create().reply(SIGN_PROMPT).awaitCancel(WAIT));
        BackgroundCall call = BackgroundCall.start(interims -> client.call(Requests.sign(10), interims::add));
        assertThat(call.nextInterim(WAIT)).isEqualTo(SIGN_PROMPT);

        call.interrupt();

        assertThat(call.failure(WAIT)).isInstanceOfSatisfying(DeviceClientException.class,
                e -> assertThat(e.code()).isEqualTo(Code.INTERRUPTED));
        assertThat(call.interruptStatusAtEnd()).isTrue();
        assertThat(device.takeFrame(WAIT).command()).isEqualTo(FrameCommand.MSG);
        assertThat(device.takeFrame(WAIT).command()).isEqualTo(FrameCommand.CANCEL);
    }

    @Test
    void callOnAnInterruptedThreadThrowsInterruptedAndSendsNothing() throws Exception {
        BackgroundCall call = BackgroundCall.start(interims -> {
            Thread.currentThread().interrupt();
            return client.call(Requests.sign(10), interims::add);
        });

        assertThat(call.failure(WAIT)).isInstanceOfSatisfying(DeviceClientException.class,
                e -> assertThat(e.code()).isEqualTo(Code.INTERRUPTED));
        assertThat(call.interruptStatusAtEnd()).isTrue();
        assertThat(device.takeFrame(Duration.ofMillis(200))).isNull();
    }

    @Test
    void closingTheClientEndsThePendingCallAsDeviceGone() throws Exception {
        device.enqueue(Script.create().reply(SIGN_PROMPT).awaitCancel(WAIT));
        BackgroundCall call = BackgroundCall.start(interims -> client.call(Requests.sign(10), interims::add));
        assertThat(call.nextInterim(WAIT)).isEqualTo(SIGN_PROMPT);

        client.close();

        assertThat(call.failure(WAIT)).isInstanceOfSatisfying(DeviceClientException.class,
                e -> assertThat(e.code()).isEqualTo(Code.DEVICE_GONE));
        assertThat(device.takeFrame(WAIT).command()).isEqualTo(FrameCommand.MSG);
        assertThat(device.takeFrame(WAIT).command()).isEqualTo(FrameCommand.CANCEL);
        assertThatThrownBy(() -> client.call(Requests.getFeatures()))
                .isInstanceOfSatisfying(DeviceClientException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.DEVICE_GONE);
                    assertThat(e.getMessage()).contains("closed");
                });
    }
}
