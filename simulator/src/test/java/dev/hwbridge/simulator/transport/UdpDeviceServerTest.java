package dev.hwbridge.simulator.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.FrameCommand;
import dev.hwbridge.protocol.framing.FrameError;
import dev.hwbridge.protocol.framing.HidFraming;
import dev.hwbridge.protocol.framing.InitReply;
import dev.hwbridge.protocol.framing.InitRequest;
import dev.hwbridge.protocol.framing.KeepaliveStatus;
import dev.hwbridge.protocol.framing.ReportWriter;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.SignPayload;
import dev.hwbridge.simulator.Simulator;
import dev.hwbridge.simulator.device.FirmwareVersion;
import dev.hwbridge.simulator.screen.Button;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.Exchange;
import dev.hwbridge.simulator.testing.Requests;
import dev.hwbridge.simulator.testing.ScreenDriver;
import dev.hwbridge.simulator.testing.TestHost;
import dev.hwbridge.simulator.testing.Vectors;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UDP endpoint's framing behaviour (PROTOCOL.md §1–§4), against a running simulator. */
class UdpDeviceServerTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    private static final byte[] PAYLOAD = {1, 2, 3};

    private Simulator device;
    private TestHost host;
    private ScreenDriver user;

    @BeforeEach
    void start() throws Exception {
        device = Devices.builder().mnemonic(Vectors.DEV_PHRASE).start();
        host = TestHost.connect(device.udpPort());
        user = new ScreenDriver(device.screen());
    }

    @AfterEach
    void stop() {
        host.close();
        device.close();
    }

    @Test
    void initAndPingAreAnsweredWhileTheDeviceWaitsAndOtherMessagesAreBusy() throws Exception {
        CompletableFuture<Exchange> pending = host.callAsync(signRequest());
        user.await(InputKind.CONFIRM, "Sign message");
        try (TestHost other = new TestHost(device.udpPort())) {
            InitReply reply = other.init();
            assertThat(reply.channel()).isNotEqualTo(host.channel());
            assertThat(reply.protocolVersion()).isEqualTo(HidFraming.PROTOCOL_VERSION);
            assertThat(reply.deviceVersion()).isEqualTo(FirmwareVersion.text());

            other.send(Frame.ping(other.channel(), new byte[] {9, 8, 7}));
            assertThat(other.receive(TestHost.TIMEOUT)).isEqualTo(Frame.ping(other.channel(), new byte[] {9, 8, 7}));

            other.sendMessage(Requests.features());
            Frame busy = other.receive(TestHost.TIMEOUT);
            assertThat(busy.command()).isEqualTo(FrameCommand.ERROR);
            assertThat(TestHost.errorCode(busy)).isEqualTo(FrameError.CHANNEL_BUSY);

            other.cancel();
        }
        device.screen().press(Button.CONFIRM);
        assertThat(pending.get(30, TimeUnit.SECONDS).response().hasSignature()).isTrue();
    }

    @Test
    void aSecondMessageOnThePendingChannelIsBusyAndTheFirstGoesOn() throws Exception {
        host.sendMessage(signRequest());
        user.await(InputKind.CONFIRM, "Sign message");
        host.sendMessage(Requests.features());
        Frame busy = nextNonKeepalive(host);
        assertThat(TestHost.errorCode(busy)).isEqualTo(FrameError.CHANNEL_BUSY);
        Thread.sleep(300);
        device.screen().press(Button.REJECT);
        Exchange result = host.collect();
        assertThat(result.failureCode()).isEqualTo(Failure.Code.USER_REJECTED);
        assertThat(result.keepalives()).isNotEmpty().allMatch(status -> status == KeepaliveStatus.WAITING_FOR_USER);
    }

    @Test
    void aRepeatedRequestIsDroppedWhilePendingAndAfterwardsAndANewerOneIsTaken() throws Exception {
        dev.hwbridge.protocol.message.Request sign = signRequest().toBuilder().setMessageId(5).build();
        host.sendMessage(sign);
        user.await(InputKind.CONFIRM, "Sign message");
        // The same datagram again while the device waits: no BUSY that would end the host's call.
        host.sendMessage(sign);
        Thread.sleep(300);
        device.screen().press(Button.CONFIRM);
        Exchange signed = host.collect();
        assertThat(signed.response().hasSignature()).isTrue();
        assertThat(signed.response().getMessageId()).isEqualTo(5);

        // And once more, late: not run again (no second prompt, no answer).
        host.sendMessage(sign);
        assertThat(host.poll(SHORT)).isEmpty();
        assertThat(device.screen().current().input()).isNotEqualTo(InputKind.CONFIRM);

        Exchange features = host.call(Requests.features().toBuilder().setMessageId(6).build());
        assertThat(features.response().hasFeatures()).isTrue();
        assertThat(features.response().getMessageId()).isEqualTo(6);
    }

    @Test
    void keepalivesSayProcessingWhileTheDeviceWorks() throws Exception {
        try (Simulator slow = Devices.builder().mnemonic(Vectors.DEV_PHRASE).pin("1234".toCharArray())
                .sleeper(delay -> Thread.sleep(400)).start();
             TestHost slowHost = TestHost.connect(slow.udpPort())) {
            CompletableFuture<Exchange> pending = slowHost.callAsync(Requests.unlock());
            new ScreenDriver(slow.screen()).enterPin("1234");
            Exchange result = pending.get(30, TimeUnit.SECONDS);
            assertThat(result.response().hasSuccess()).isTrue();
            assertThat(result.keepalives()).contains(KeepaliveStatus.PROCESSING);
        }
    }

    @Test
    void unknownAndForeignChannelsAreRefused() {
        host.send(Frame.ping(0x12345678 == host.channel() ? 0x12345679 : 0x12345678, PAYLOAD));
        assertThat(TestHost.errorCode(host.receive(TestHost.TIMEOUT))).isEqualTo(FrameError.INVALID_CHANNEL);
        try (TestHost intruder = new TestHost(device.udpPort())) {
            intruder.useChannel(host.channel());
            intruder.send(Frame.ping(host.channel(), PAYLOAD));
            Frame refused = intruder.receive(TestHost.TIMEOUT);
            assertThat(refused.channel()).isEqualTo(host.channel());
            assertThat(TestHost.errorCode(refused)).isEqualTo(FrameError.INVALID_CHANNEL);
        }
        host.send(Frame.message(HidFraming.BROADCAST_CHANNEL, PAYLOAD));
        assertThat(TestHost.errorCode(host.receive(TestHost.TIMEOUT))).isEqualTo(FrameError.INVALID_CHANNEL);
    }

    @Test
    void aMessageThatIsNoRequestGetsAFinalInvalidRequest() {
        host.send(Frame.message(host.channel(), new byte[] {(byte) 0xFF, (byte) 0xFF, 0x01}));
        Response response = TestHost.parse(host.receive(TestHost.TIMEOUT));
        assertThat(response.getFailure().getCode()).isEqualTo(Failure.Code.INVALID_REQUEST);
        host.send(Frame.message(host.channel(), new byte[0]));
        assertThat(TestHost.parse(host.receive(TestHost.TIMEOUT)).getFailure().getCode())
                .isEqualTo(Failure.Code.INVALID_REQUEST);
    }

    @Test
    void framingErrorsGetErrorFramesAndOddDatagramsAreIgnored() {
        host.sendDatagram(new byte[HidFraming.REPORT_SIZE - 1]);
        host.sendDatagram(new byte[HidFraming.REPORT_SIZE + 1]);
        assertThat(host.poll(SHORT)).isEmpty();

        byte[] continuation = ByteBuffer.allocate(HidFraming.REPORT_SIZE).putInt(host.channel()).put((byte) 0).array();
        host.sendDatagram(continuation);
        assertThat(TestHost.errorCode(host.receive(TestHost.TIMEOUT))).isEqualTo(FrameError.INVALID_SEQUENCE);

        host.send(Frame.keepalive(host.channel(), KeepaliveStatus.PROCESSING));
        assertThat(TestHost.errorCode(host.receive(TestHost.TIMEOUT))).isEqualTo(FrameError.INVALID_COMMAND);

        host.send(new Frame(host.channel(), FrameCommand.INIT, new byte[3]));
        assertThat(TestHost.errorCode(host.receive(TestHost.TIMEOUT))).isEqualTo(FrameError.INVALID_LENGTH);

        host.send(Frame.ping(host.channel(), PAYLOAD));
        assertThat(host.receive(TestHost.TIMEOUT).command()).isEqualTo(FrameCommand.PING);
    }

    @Test
    void aHalfSentMessageTimesOut() {
        List<byte[]> reports = ReportWriter.write(Frame.message(host.channel(), new byte[200]));
        host.sendDatagram(reports.get(0));
        Frame error = host.receive(Duration.ofSeconds(10));
        assertThat(TestHost.errorCode(error)).isEqualTo(FrameError.MESSAGE_TIMEOUT);
        assertThat(error.channel()).isEqualTo(host.channel());
    }

    @Test
    void initOnThePendingChannelAbandonsTheRequest() throws Exception {
        host.sendMessage(signRequest());
        user.await(InputKind.CONFIRM, "Sign message");
        InitRequest resync = InitRequest.random(new SecureRandom());
        host.send(resync.toFrame(host.channel()));
        Frame reply = nextNonKeepalive(host);
        assertThat(reply.command()).isEqualTo(FrameCommand.INIT);
        assertThat(InitReply.from(reply).channel()).isEqualTo(host.channel());
        user.await(screen -> screen.input() == InputKind.NONE, "the idle screen");
        assertThat(host.poll(SHORT)).isEmpty();
        assertThat(host.call(Requests.features()).response().hasFeatures()).isTrue();
    }

    @Test
    void aResynchronisedChannelTakesTheNextRequestAtOnceAndKeepsItsMessageIds() throws Exception {
        dev.hwbridge.protocol.message.Request sign = signRequest().toBuilder().setMessageId(5).build();
        host.sendMessage(sign);
        user.await(InputKind.CONFIRM, "Sign message");
        host.send(InitRequest.random(new SecureRandom()).toFrame(host.channel()));
        assertThat(nextNonKeepalive(host).command()).isEqualTo(FrameCommand.INIT);

        // Sent the moment the INIT reply is in: the abandoned request no longer holds the device.
        Exchange features = host.call(Requests.features().toBuilder().setMessageId(6).build());
        assertThat(features.response().hasFeatures()).isTrue();
        assertThat(features.response().getMessageId()).isEqualTo(6);

        // A late copy of the abandoned request is still recognised after the resynchronisation.
        host.sendMessage(sign);
        assertThat(host.poll(SHORT)).isEmpty();
        assertThat(device.screen().current().input()).isNotEqualTo(InputKind.CONFIRM);
    }

    @Test
    void aCancelFromAnotherChannelIsIgnored() throws Exception {
        CompletableFuture<Exchange> pending = host.callAsync(signRequest());
        user.await(InputKind.CONFIRM, "Sign message");
        try (TestHost other = TestHost.connect(device.udpPort())) {
            other.cancel();
        }
        Thread.sleep(200);
        assertThat(device.screen().current().input()).isEqualTo(InputKind.CONFIRM);
        device.screen().press(Button.CONFIRM);
        assertThat(pending.get(30, TimeUnit.SECONDS).response().hasSignature()).isTrue();
    }

    /** A request that waits for the user on one screen (a transaction would show a warning page first). */
    private static dev.hwbridge.protocol.message.Request signRequest() {
        return Requests.request(Requests.sign(KeyScheme.SR25519, "", SignPayload.Kind.RAW, PAYLOAD));
    }

    private static Frame nextNonKeepalive(TestHost host) {
        while (true) {
            Frame frame = host.receive(TestHost.TIMEOUT);
            if (frame.command() != FrameCommand.KEEPALIVE && !(frame.command() == FrameCommand.MSG
                    && TestHost.parse(frame).hasButtonRequest())) {
                return frame;
            }
        }
    }
}
