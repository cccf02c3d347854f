package dev.hwbridge.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.protocol.client.DeviceClientException.Code;
import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.FrameCommand;
import dev.hwbridge.protocol.framing.FrameError;
import dev.hwbridge.protocol.framing.HidFraming;
import dev.hwbridge.protocol.framing.InitReply;
import dev.hwbridge.protocol.framing.InitRequest;
import dev.hwbridge.protocol.framing.KeepaliveStatus;
import dev.hwbridge.protocol.framing.ReportWriter;
import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.EncryptedJson;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.InputRequest;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.testkit.device.DeviceFault;
import dev.hwbridge.testkit.device.Responses;
import dev.hwbridge.testkit.device.Script;
import dev.hwbridge.testkit.device.ScriptedDevice;
import dev.hwbridge.testkit.device.ScriptedDevice.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DeviceClientCallTest extends ConnectedClientFixture {

    @Test
    void interimRepliesAreHandedOverInOrderAndTheFinalOneIsReturned() throws Exception {
        Response button = Responses.buttonRequest(ButtonRequest.Kind.SIGN, "Sign transaction");
        Response progress = Responses.progress(1, 2);
        Response input = Responses.inputRequest(InputRequest.Kind.PASSWORD, "Password for //polkadot");
        Response signature = Responses.signature(new byte[64]);
        device.enqueue(Script.create().reply(input).reply(progress).reply(button).reply(signature));
        List<Response> interims = new ArrayList<>();

        Response result = client.call(Requests.sign(32), interims::add, CallOptions.defaults());

        assertThat(result).isEqualTo(signature);
        assertThat(interims).containsExactly(input, progress, button);
    }

    @Test
    void requestArrivesOnTheAllocatedChannelAsSent() throws Exception {
        device.enqueue(Script.create().reply(Responses.success("ok")));

        client.call(Requests.getFeatures());

        RecordedRequest received = device.takeRequest(WAIT);
        assertThat(received.channel()).isEqualTo(client.deviceInfo().channel());
        assertThat(received.request()).isEqualTo(Requests.getFeatures());
    }

    @Test
    void requestAndReplySpanningManyReportsSurviveFraming() throws Exception {
        // 2000 payload bytes take 35 reports; the 5000-character reply 86.
        Response json = Response.newBuilder()
                .setEncryptedJson(EncryptedJson.newBuilder().setJson("{\"encoded\":\"" + "a".repeat(5000) + "\"}"))
                .build();
        device.enqueue(Script.create().reply(json));
        Request request = Requests.sign(2000);

        Response result = client.call(request);

        assertThat(result).isEqualTo(json);
        assertThat(device.takeRequest(WAIT).request()).isEqualTo(request);
        assertThat(HidFraming.reportCount(request.getSerializedSize())).isGreaterThan(30);
    }

    @Test
    void keepalivesKeepAnExchangeAliveBeyondTheIdleTimeoutAndReachTheListener() throws Exception {
        device.enqueue(Script.create()
                .keepalives(KeepaliveStatus.WAITING_FOR_USER, Duration.ofMillis(900))
                .keepalive(KeepaliveStatus.PROCESSING)
                .keepalives(KeepaliveStatus.PROCESSING, Duration.ofMillis(900))
                .reply(Responses.success("done")));
        List<KeepaliveStatus> statuses = new CopyOnWriteArrayList<>();
        CallOptions options = CallOptions.defaults()
                .withIdleTimeout(Duration.ofMillis(600))
                .withKeepaliveListener(statuses::add);
        long start = System.nanoTime();

        Response result = client.call(Requests.getFeatures(), response -> { }, options);

        assertThat(result).isEqualTo(Responses.success("done"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1200));
        assertThat(statuses).startsWith(KeepaliveStatus.WAITING_FOR_USER).endsWith(KeepaliveStatus.PROCESSING)
                .hasSizeGreaterThan(4);
    }

    @Test
    void silenceLongerThanTheIdleTimeoutEndsTheCallAndCancelsTheExchange() throws Exception {
        device.enqueue(Script.create().fault(DeviceFault.NO_RESPONSE));
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.call(Requests.getFeatures(), response -> { },
                CallOptions.defaults().withIdleTimeout(Duration.ofMillis(300))))
                .isInstanceOfSatisfying(DeviceClientException.class, e -> assertThat(e.code()).isEqualTo(Code.TIMEOUT));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(device.takeFrame(WAIT).command()).isEqualTo(FrameCommand.MSG);
        Frame cancel = device.takeFrame(WAIT);
        assertThat(cancel.command()).isEqualTo(FrameCommand.CANCEL);
        assertThat(cancel.channel()).isEqualTo(client.deviceInfo().channel());
    }

    @Test
    void deadlineEndsACallEvenWhileKeepalivesArrive() throws Exception {
        device.enqueue(Script.create().keepalives(KeepaliveStatus.PROCESSING, Duration.ofSeconds(3)));
        CallOptions options = CallOptions.defaults().withIdleTimeout(Duration.ofSeconds(2))
                .withDeadline(Duration.ofMillis(400));
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.call(Requests.getFeatures(), response -> { }, options))
                .isInstanceOfSatisfying(DeviceClientException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.TIMEOUT);
                    assertThat(e.getMessage()).contains("400 ms");
                });
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void errorFrameEndsTheCallWithItsCodeAndTheNextCallRunsOnAFreshChannel() throws Exception {
        device.enqueue(Script.create().error(FrameError.CHANNEL_BUSY));
        device.enqueue(Script.create().reply(Responses.success("second")));
        int channel = client.deviceInfo().channel();

        assertThatThrownBy(() -> client.call(Requests.getFeatures()))
                .isInstanceOfSatisfying(DeviceClientException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.DEVICE_ERROR);
                    assertThat(e.frameError()).contains(FrameError.CHANNEL_BUSY);
                });

        assertThat(client.call(Requests.getFeatures())).isEqualTo(Responses.success("second"));
        assertThat(client.deviceInfo().channel()).isNotEqualTo(channel);
        assertThat(device.initCount()).isEqualTo(2);
    }

    @Test
    void aDuplicatedReplyOfAFinishedCallNeverAnswersTheNextCall() throws Exception {
        // On a lossy link a one-report reply can arrive twice; the framing cannot tell the copy
        // from a new message, so only the fresh channel of the next call keeps it out.
        device.enqueue(Script.create().reply(Responses.success("first")).reply(Responses.success("first")));
        device.enqueue(Script.create().reply(Responses.success("second")));

        assertThat(client.call(Requests.getFeatures())).isEqualTo(Responses.success("first"));
        assertThat(client.call(Requests.getFeatures())).isEqualTo(Responses.success("second"));
    }

    @Test
    void forgottenChannelIsAllocatedAgainAndTheRequestSentOnceMore() throws Exception {
        device.enqueue(Script.create().reply(Responses.success("on the new channel")));
        int oldChannel = client.deviceInfo().channel();
        device.forgetChannels();

        Response result = client.call(Requests.getFeatures());

        assertThat(result).isEqualTo(Responses.success("on the new channel"));
        assertThat(device.initCount()).isEqualTo(2);
        assertThat(client.deviceInfo().channel()).isEqualTo(device.lastChannel()).isNotEqualTo(oldChannel);
        assertThat(device.takeRequest(WAIT).channel()).isEqualTo(device.lastChannel());
    }

    @Test
    void channelForgottenTwiceInARowIsADeviceError() throws Exception {
        // The device refuses every channel: the client retries once, not forever.
        ReactivePort port = refusingEveryChannel();
        try (DeviceClient refused = DeviceClient.open(port, WAIT)) {
            assertThatThrownBy(() -> refused.call(Requests.getFeatures()))
                    .isInstanceOfSatisfying(DeviceClientException.class,
                            e -> assertThat(e.frameError()).contains(FrameError.INVALID_CHANNEL));
        }
        long inits = port.written().stream().filter(report -> report[4] == (byte) FrameCommand.INIT.code()).count();
        assertThat(inits).isEqualTo(2);
    }

    @Test
    void framesOnAnotherChannelAreIgnored() throws Exception {
        device.enqueue(Script.create()
                .fault(DeviceFault.WRONG_CHANNEL)
                .reply(Responses.success("mine")));

        assertThat(client.call(Requests.getFeatures())).isEqualTo(Responses.success("mine"));
    }

    @Test
    void garbageProtobufIsAProtocolErrorAndTheNextCallMovesToAFreshChannel() throws Exception {
        device.enqueue(Script.create().fault(DeviceFault.GARBAGE_PROTOBUF).reply(Responses.success("late")));
        device.enqueue(Script.create().reply(Responses.success("next")));
        int oldChannel = client.deviceInfo().channel();

        assertThatThrownBy(() -> client.call(Requests.getFeatures()))
                .isInstanceOfSatisfying(DeviceClientException.class,
                        e -> assertThat(e.code()).isEqualTo(Code.PROTOCOL_ERROR));
        assertThat(device.awaitIdle(WAIT)).isTrue();

        // The old exchange's "late" reply is on the old channel and must not answer this call.
        assertThat(client.call(Requests.getFeatures())).isEqualTo(Responses.success("next"));
        assertThat(client.deviceInfo().channel()).isNotEqualTo(oldChannel);
        assertThat(device.initCount()).isEqualTo(2);
    }

    @Test
    void failureFromTheDeviceIsReturnedAsTheFinalResponse() throws Exception {
        device.enqueue(Script.create().reply(Responses.failure(Failure.Code.USER_REJECTED)));

        Response result = client.call(Requests.sign(10));

        assertThat(result.getFailure().getCode()).isEqualTo(Failure.Code.USER_REJECTED);
    }

    @Test
    void failureCancelledThatTheHostDidNotAskForIsReturnedToo() throws Exception {
        device.enqueue(Script.create().reply(Responses.failure(Failure.Code.CANCELLED)));

        assertThat(client.call(Requests.sign(10)).getFailure().getCode()).isEqualTo(Failure.Code.CANCELLED);
    }

    @Test
    void pingEchoesShortAndMultiReportData() throws Exception {
        byte[] longData = new byte[HidFraming.MAX_MESSAGE_SIZE];
        for (int i = 0; i < longData.length; i++) {
            longData[i] = (byte) (i * 7);
        }

        assertThat(client.ping(new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
        assertThat(client.ping(new byte[0])).isEmpty();
        assertThat(client.ping(longData)).isEqualTo(longData);
    }

    @Test
    void pingLongerThanOneFrameIsRefusedBeforeSending() throws Exception {
        assertThatThrownBy(() -> client.ping(new byte[HidFraming.MAX_MESSAGE_SIZE + 1]))
                .isInstanceOfSatisfying(DeviceClientException.class,
                        e -> assertThat(e.code()).isEqualTo(Code.INVALID_REQUEST));
        assertThat(device.takeFrame(Duration.ofMillis(100))).isNull();
    }

    @Test
    void requestsThatCannotBeSentAreRefusedBeforeAnythingIsSent() throws Exception {
        Request oversize = Requests.sign(HidFraming.MAX_MESSAGE_SIZE);

        for (Request request : List.of(Requests.cancel(), Request.getDefaultInstance(), oversize)) {
            assertThatThrownBy(() -> client.call(request))
                    .isInstanceOfSatisfying(DeviceClientException.class,
                            e -> assertThat(e.code()).isEqualTo(Code.INVALID_REQUEST));
        }
        assertThat(device.takeFrame(Duration.ofMillis(100))).isNull();
    }

    @Test
    void secondConcurrentCallIsRefusedAsBusy() throws Exception {
        device.enqueue(Script.create()
                .reply(Responses.buttonRequest(ButtonRequest.Kind.SIGN, "Sign"))
                .awaitCancel(WAIT));
        BackgroundCall first = BackgroundCall.start(interims -> client.call(Requests.sign(10), interims::add));
        assertThat(first.nextInterim(WAIT)).isNotNull();

        assertThatThrownBy(() -> client.call(Requests.getFeatures()))
                .isInstanceOfSatisfying(DeviceClientException.class, e -> assertThat(e.code()).isEqualTo(Code.BUSY));
        assertThatThrownBy(() -> client.ping(new byte[1]))
                .isInstanceOfSatisfying(DeviceClientException.class, e -> assertThat(e.code()).isEqualTo(Code.BUSY));

        client.cancel();
        assertThat(first.failure(WAIT)).isInstanceOfSatisfying(DeviceClientException.class,
                e -> assertThat(e.code()).isEqualTo(Code.CANCELLED));
    }

    @Test
    void exceptionFromTheInterimConsumerAbandonsTheExchange() throws Exception {
        device.enqueue(Script.create()
                .reply(Responses.buttonRequest(ButtonRequest.Kind.SIGN, "Sign"))
                .awaitCancel(WAIT));

        assertThatThrownBy(() -> client.call(Requests.sign(10), response -> {
            throw new IllegalStateException("listener failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(device.takeFrame(WAIT).command()).isEqualTo(FrameCommand.MSG);
        assertThat(device.takeFrame(WAIT).command()).isEqualTo(FrameCommand.CANCEL);
    }

    /** A device that answers INIT and refuses every MSG with INVALID_CHANNEL. */
    private static ReactivePort refusingEveryChannel() {
        return new ReactivePort(report -> {
            int command = report[4] & 0xFF;
            if (command == FrameCommand.INIT.code()) {
                byte[] nonce = Arrays.copyOfRange(report, HidFraming.INIT_HEADER_SIZE,
                        HidFraming.INIT_HEADER_SIZE + HidFraming.INIT_NONCE_SIZE);
                InitReply reply = InitReply.answering(new InitRequest(nonce), 0x1234, 0, 1, 0);
                return ReportWriter.write(reply.toFrame(HidFraming.BROADCAST_CHANNEL));
            }
            if (command == FrameCommand.MSG.code()) {
                return ReportWriter.write(Frame.error(0x1234, FrameError.INVALID_CHANNEL));
            }
            return List.of();
        });
    }
}
