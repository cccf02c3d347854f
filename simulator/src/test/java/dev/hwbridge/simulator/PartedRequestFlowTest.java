package dev.hwbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.hwbridge.protocol.client.CallOptions;
import dev.hwbridge.protocol.client.PartedCalls;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.MessageParts;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.RequestPart;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.SignPayload;
import dev.hwbridge.simulator.keys.KeyPair;
import dev.hwbridge.simulator.keys.Keys;
import dev.hwbridge.simulator.keys.SecretUri;
import dev.hwbridge.simulator.keys.Signatures;
import dev.hwbridge.simulator.screen.Button;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.Requests;
import dev.hwbridge.simulator.testing.ScreenDriver;
import dev.hwbridge.simulator.testing.SimHost;
import dev.hwbridge.simulator.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests over one frame (PROTOCOL.md §5.1), sent in parts through the real UDP transport. */
class PartedRequestFlowTest {

    private Simulator device;
    private SimHost host;
    private ScreenDriver user;

    @BeforeEach
    void start() throws Exception {
        device = Devices.builder().mnemonic(Vectors.DEV_PHRASE).start();
        host = SimHost.connect(device.udpPort());
        user = new ScreenDriver(device.screen());
    }

    @AfterEach
    void stop() {
        host.close();
        device.close();
    }

    @Test
    void theSimulatorAnnouncesThatItTakesRequestsInParts() {
        assertThat(MessageParts.supported(host.client().deviceInfo().capabilities())).isTrue();
    }

    @Test
    void aRequestOfThreeFramesIsAssembledRunAndAnswered() throws Exception {
        byte[] message = "x".repeat(20_000).getBytes(StandardCharsets.US_ASCII);
        Request request = Requests.request(Requests.sign(KeyScheme.ED25519, "//polkadot", SignPayload.Kind.RAW, message));
        assertThat(MessageParts.split(request)).hasSize(3);

        CompletableFuture<Response> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return PartedCalls.call(host.client(), request, r -> { }, CallOptions.defaults());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(user.await(InputKind.CONFIRM, "Sign message").lines()).contains("20000 bytes, signed as <Bytes>…</Bytes>");
        device.screen().press(Button.CONFIRM);
        Response reply = pending.get(30, TimeUnit.SECONDS);

        byte[] publicKey;
        try (KeyPair pair = Keys.fromUri(dev.hwbridge.protocol.account.KeyScheme.ED25519,
                SecretUri.parse(Vectors.DEV_PHRASE + "//polkadot"))) {
            publicKey = pair.publicKey();
        }
        byte[] wrapped = ("<Bytes>" + "x".repeat(20_000) + "</Bytes>").getBytes(StandardCharsets.US_ASCII);
        assertThat(Signatures.verify(dev.hwbridge.protocol.account.KeyScheme.ED25519, publicKey, wrapped,
                reply.getSignature().getSignature().toByteArray())).isTrue();
    }

    @Test
    void aPartOutOfOrderIsRefusedAndAnyOtherRequestDropsTheAssembly() throws Exception {
        Request request = Requests.request(Requests.sign(KeyScheme.ED25519, "//polkadot", SignPayload.Kind.RAW,
                new byte[20_000]));
        List<Request> parts = MessageParts.split(request);

        Response first = host.call(parts.get(0)).response();
        Response skipped = host.call(parts.get(2)).response();
        host.call(parts.get(0));
        host.call(Requests.features());
        Response afterOther = host.call(parts.get(1)).response();

        assertThat(first.getPartReceived().getReceived()).isEqualTo(MessageParts.MAX_PART_DATA);
        assertThat(skipped.getFailure().getCode()).isEqualTo(Failure.Code.INVALID_REQUEST);
        assertThat(afterOther.getFailure().getCode()).isEqualTo(Failure.Code.INVALID_REQUEST);
    }

    @Test
    void anAssembledRequestThatDoesNotParseIsRefused() {
        byte[] junk = new byte[8000];
        Arrays.fill(junk, (byte) 0xff);
        Request part = Request.newBuilder().setRequestPart(RequestPart.newBuilder()
                .setTotalLength(junk.length).setOffset(0).setData(ByteString.copyFrom(junk, 0, 7000))).build();
        Request last = Request.newBuilder().setRequestPart(RequestPart.newBuilder()
                .setTotalLength(junk.length).setOffset(7000).setData(ByteString.copyFrom(junk, 7000, 1000))).build();

        host.call(part);

        assertThat(host.call(last).response().getFailure().getCode()).isEqualTo(Failure.Code.INVALID_REQUEST);
    }
}
