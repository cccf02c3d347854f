package dev.hwbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.client.DeviceClientException;
import dev.hwbridge.protocol.framing.KeepaliveStatus;
import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.SignPayload;
import dev.hwbridge.simulator.keys.KeyPair;
import dev.hwbridge.simulator.keys.Keys;
import dev.hwbridge.simulator.keys.SecretUri;
import dev.hwbridge.simulator.keys.Signatures;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.screen.Screen;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.Exchange;
import dev.hwbridge.simulator.testing.Requests;
import dev.hwbridge.simulator.testing.ScreenDriver;
import dev.hwbridge.simulator.testing.SimHost;
import dev.hwbridge.simulator.testing.TestHost;
import dev.hwbridge.simulator.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing through the real UDP transport: confirmed, rejected, cancelled; raw and transaction payloads. */
class SignFlowTest {

    /** The payload of PROTOCOL.md's worked example: a Polkadot transfer_keep_alive, immortal, nonce 0, tip 0. */
    private static final byte[] WORKED_PAYLOAD = Hex.fromHex("0x050300d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a"
            + "5684e7a56da27d0700e40b5402000000f84d0f001a00000091b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a"
            + "70ce90c391b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3");
    private static final JsonNode SIGNATURES = Vectors.ROOT.path("signatures").get(0);
    private static final byte[] MESSAGE = Vectors.bytes(SIGNATURES.path("message"));

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
    void aConfirmedTransactionIsSignedAndTheScreenSaysWhatItIs() throws Exception {
        CompletableFuture<Exchange> pending = host.callAsync(Requests.request(
                Requests.sign(KeyScheme.ED25519, "//polkadot", SignPayload.Kind.TRANSACTION, WORKED_PAYLOAD)));
        user.confirm("Blind signing");
        Screen shown = user.await(InputKind.CONFIRM, "Sign transaction");
        Thread.sleep(400);
        device.screen().press(dev.hwbridge.simulator.screen.Button.CONFIRM);
        Exchange result = pending.get(30, TimeUnit.SECONDS);

        List<String> expectedLines = List.of(
                "15P5UXVFhfSQYKMEHEc5zwsDiJqhnsSeaUBVUKw4dskCDGXv",
                "blake2b-256 0x8ac125c2361fcc2f958d5b47eaaef48ab058ed2f7195c4bb20f6b38bc2d51fa5",
                // "00" could be an immortal era or the second byte of a mortal one: the device cannot tell.
                "era: could not decode, nonce 0, tip 0",
                "spec 1003000, tx version 26",
                "genesis 0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3");
        assertThat(shown.lines()).isEqualTo(expectedLines);
        assertThat(result.interims()).containsExactly(
                SetupFlowTest.button(ButtonRequest.Kind.WARNING, "Blind signing",
                        List.of("This device cannot show what this transaction does",
                                "Continue only if you trust the app that asks")),
                SetupFlowTest.button(ButtonRequest.Kind.SIGN, "Sign transaction", expectedLines));
        assertThat(result.keepalives()).contains(KeepaliveStatus.WAITING_FOR_USER);
        // ed25519 is deterministic: the worked example's signature, bit for bit.
        assertThat(Hex.toHex(result.response().getSignature().getSignature().toByteArray())).isEqualTo(
                "0x8af3cf60e83d433672ce89f9f5f97ecbac4bf25ba5b73c59890591624318fa161aa44c80ba689242c4481633d04c69af3592"
                        + "7327a96b9bc05389652bfb8e9009");
    }

    @Test
    void signaturesMatchThePolkadotJsVectors() {
        byte[] ed25519 = confirmSign(KeyScheme.ED25519, SignPayload.Kind.TRANSACTION, MESSAGE);
        byte[] ecdsa = confirmSign(KeyScheme.ECDSA, SignPayload.Kind.TRANSACTION, MESSAGE);
        byte[] sr25519 = confirmSign(KeyScheme.SR25519, SignPayload.Kind.TRANSACTION, MESSAGE);

        assertThat(ed25519).isEqualTo(Vectors.bytes(SIGNATURES.path("ed25519").path("signature")));
        assertThat(ecdsa).isEqualTo(Vectors.bytes(SIGNATURES.path("ecdsa").path("signature")));
        assertThat(Signatures.verify(dev.hwbridge.protocol.account.KeyScheme.SR25519,
                Vectors.bytes(SIGNATURES.path("sr25519").path("publicKey")), MESSAGE, sr25519)).isTrue();
    }

    @Test
    void aRawMessageIsSignedWrappedInBytesTagsAndNeverHashed() {
        byte[] signature = confirmSign(KeyScheme.ED25519, SignPayload.Kind.RAW, MESSAGE);
        byte[] wrapped = Vectors.bytes(SIGNATURES.path("wrappedBytesMessage"));
        byte[] publicKey = Vectors.bytes(SIGNATURES.path("ed25519").path("publicKey"));
        assertThat(Signatures.verify(dev.hwbridge.protocol.account.KeyScheme.ED25519, publicKey, wrapped, signature)).isTrue();
        assertThat(Signatures.verify(dev.hwbridge.protocol.account.KeyScheme.ED25519, publicKey, MESSAGE, signature)).isFalse();

        byte[] again = confirmSign(KeyScheme.ED25519, SignPayload.Kind.RAW, wrapped);
        assertThat(again).isEqualTo(signature);
    }

    @Test
    void aLongTransactionPayloadIsHashedBeforeItIsSigned() {
        byte[] payload = new byte[300];
        Arrays.fill(payload, (byte) 7);
        byte[] signature = confirmSign(KeyScheme.ED25519, SignPayload.Kind.TRANSACTION, payload);
        try (SecretUri uri = SecretUri.parse(Vectors.DEV_PHRASE);
             KeyPair pair = Keys.fromUri(dev.hwbridge.protocol.account.KeyScheme.ED25519, uri)) {
            assertThat(signature).isEqualTo(pair.sign(Blake2b.hash256(payload)));
        }
    }

    @Test
    void aRejectedSignatureEndsWithUserRejected() throws Exception {
        CompletableFuture<Exchange> pending = host.callAsync(Requests.request(
                Requests.sign(KeyScheme.SR25519, "//Alice", SignPayload.Kind.RAW, "hello".getBytes(StandardCharsets.UTF_8))));
        Screen shown = user.reject("Sign message");
        assertThat(shown.lines()).contains("\"hello\"", "5 bytes, signed as <Bytes>…</Bytes>");
        assertThat(pending.get(30, TimeUnit.SECONDS).failureCode()).isEqualTo(Failure.Code.USER_REJECTED);
    }

    @Test
    void aCancelFrameEndsTheWaitWithCancelled() throws Exception {
        CompletableFuture<Exchange> pending = host.callAsync(Requests.request(
                Requests.sign(KeyScheme.SR25519, "", SignPayload.Kind.TRANSACTION, WORKED_PAYLOAD)));
        user.await(InputKind.CONFIRM, "Blind signing");
        host.cancel();

        assertThat(pending.get(30, TimeUnit.SECONDS).failureCode()).isEqualTo(Failure.Code.CANCELLED);
        user.await(screen -> screen.input() == InputKind.NONE && screen.lines().contains("Ready"), "the idle screen");
        assertThat(host.call(Requests.features()).response().hasFeatures()).isTrue();
    }

    @Test
    void theReferenceClientsCancelEndsTheWait() {
        try (SimHost client = SimHost.connect(device.udpPort())) {
            CompletableFuture<Exchange> pending = client.callAsync(Requests.request(
                    Requests.sign(KeyScheme.SR25519, "", SignPayload.Kind.TRANSACTION, WORKED_PAYLOAD)));
            user.await(InputKind.CONFIRM, "Blind signing");
            long started = System.nanoTime();
            client.cancel();
            assertThat(SimHost.failureOf(pending)).isEqualTo(DeviceClientException.Code.CANCELLED);
            // Ended by the device's Failure{CANCELLED}, well inside the client's 2 s grace for a silent device.
            assertThat(System.nanoTime() - started).isLessThan(TimeUnit.MILLISECONDS.toNanos(1500));
            user.await(screen -> screen.input() == InputKind.NONE, "the idle screen");
            assertThat(client.call(Requests.features()).response().hasFeatures()).isTrue();
        }
    }

    @Test
    void aCancelRequestEndsTheWaitWithCancelled() throws Exception {
        CompletableFuture<Exchange> pending = host.callAsync(Requests.request(
                Requests.sign(KeyScheme.SR25519, "", SignPayload.Kind.TRANSACTION, WORKED_PAYLOAD)));
        user.await(InputKind.CONFIRM, "Blind signing");
        host.sendMessage(Requests.cancel());

        assertThat(pending.get(30, TimeUnit.SECONDS).failureCode()).isEqualTo(Failure.Code.CANCELLED);
    }

    @Test
    void aCancelRightBehindTheRequestIsNotLost() throws Exception {
        for (int round = 0; round < 5; round++) {
            CompletableFuture<Exchange> pending = host.callAsync(Requests.request(
                    Requests.sign(KeyScheme.SR25519, "", SignPayload.Kind.TRANSACTION, WORKED_PAYLOAD)));
            host.cancel();
            assertThat(pending.get(30, TimeUnit.SECONDS).failureCode()).isEqualTo(Failure.Code.CANCELLED);
        }
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsShown() {
        assertThat(host.call(Requests.request(Requests.sign(KeyScheme.SR25519, "", SignPayload.Kind.RAW, new byte[0])))
                .failureCode()).isEqualTo(Failure.Code.INVALID_PAYLOAD);
        assertThat(host.call(Requests.request(Requests.sign(KeyScheme.KEY_SCHEME_UNSPECIFIED, "", SignPayload.Kind.RAW,
                MESSAGE))).failureCode()).isEqualTo(Failure.Code.INVALID_REQUEST);
        assertThat(host.call(Requests.request(Requests.sign(KeyScheme.SR25519, "", SignPayload.Kind.KIND_UNSPECIFIED,
                MESSAGE))).failureCode()).isEqualTo(Failure.Code.INVALID_REQUEST);
        assertThat(host.call(Requests.request(Requests.sign(KeyScheme.SR25519, "//a///b", SignPayload.Kind.RAW,
                MESSAGE))).failureCode()).isEqualTo(Failure.Code.INVALID_PATH);
        assertThat(host.call(Requests.request(Requests.sign(KeyScheme.ED25519, "/soft", SignPayload.Kind.RAW,
                MESSAGE))).failureCode()).isEqualTo(Failure.Code.UNSUPPORTED_SCHEME);
        assertThat(host.call(Requests.request(Requests.sign(KeyScheme.SR25519, "", SignPayload.Kind.RAW, MESSAGE)
                .setSs58Format(46))).failureCode()).isEqualTo(Failure.Code.INVALID_REQUEST);
        assertThat(host.call(Requests.request(Requests.sign(KeyScheme.SR25519, "", SignPayload.Kind.RAW, MESSAGE)
                .setIdentity("nobody"))).failureCode()).isEqualTo(Failure.Code.UNKNOWN_IDENTITY);
    }

    private byte[] confirmSign(KeyScheme scheme, SignPayload.Kind kind, byte[] payload) {
        CompletableFuture<Exchange> pending = host.callAsync(Requests.request(
                Requests.sign(scheme, "", kind, payload)));
        if (kind == SignPayload.Kind.TRANSACTION) {
            user.confirm("Blind signing");
        }
        user.confirm(kind == SignPayload.Kind.RAW ? "Sign message" : "Sign transaction");
        try {
            Exchange result = pending.get(30, TimeUnit.SECONDS);
            assertThat(result.response().hasSignature()).as("signature for %s", scheme).isTrue();
            return result.response().getSignature().getSignature().toByteArray();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
