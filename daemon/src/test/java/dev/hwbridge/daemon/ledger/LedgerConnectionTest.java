package dev.hwbridge.daemon.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.hwbridge.daemon.device.DeviceError;
import dev.hwbridge.daemon.device.DeviceException;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.ledger.ApduTransport;
import dev.hwbridge.protocol.ledger.Apdu;
import dev.hwbridge.protocol.ledger.ApduResponse;
import dev.hwbridge.protocol.ledger.LedgerError;
import dev.hwbridge.protocol.ledger.LedgerPath;
import dev.hwbridge.protocol.ledger.LedgerScheme;
import dev.hwbridge.protocol.ledger.PolkadotGenericApp;
import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.DerivePublicKey;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.GetFeatures;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.SignPayload;
import dev.hwbridge.protocol.message.Wipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LedgerConnectionTest {

    private static final String PATH = "m/44'/354'/0'/0'/0'";
    private static final byte[] KEY = filled(32, 7);
    private static final byte[] SIGNATURE = filled(65, 9);

    /** An in-process Polkadot app answering with a function; records the APDUs. */
    private static final class FakeApp implements ApduTransport {
        final List<Apdu> received = new CopyOnWriteArrayList<>();
        final Function<Apdu, ApduResponse> answer;
        volatile boolean closed;

        FakeApp(Function<Apdu, ApduResponse> answer) {
            this.answer = answer;
        }

        @Override
        public ApduResponse exchange(Apdu apdu) throws TransportException {
            received.add(apdu);
            return answer.apply(apdu);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static ApduResponse app(Apdu apdu) {
        return switch (apdu.ins()) {
            case PolkadotGenericApp.INS_GET_VERSION -> ApduResponse.ok(HexFormat.of().parseHex("00000b0000"));
            case PolkadotGenericApp.INS_GET_ADDRESS -> ApduResponse.ok(concat(KEY, "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5"
                    .getBytes(StandardCharsets.US_ASCII)));
            default -> apdu.p1() == PolkadotGenericApp.P1_LAST ? ApduResponse.ok(zeroFirst(SIGNATURE)) : ApduResponse.ok(new byte[0]);
        };
    }

    @Test
    void featuresAreTheAppsVersionAndSchemesWithBlindSigningOff() throws DeviceException {
        LedgerConnection ledger = new LedgerConnection(new FakeApp(LedgerConnectionTest::app), "Nano S Plus");

        Response reply = ledger.call(Request.newBuilder().setGetFeatures(GetFeatures.getDefaultInstance()).build(), r -> { });

        assertThat(reply.getFeatures().getModel()).isEqualTo("Nano S Plus");
        assertThat(reply.getFeatures().getFirmwareVersion()).isEqualTo("0.11.0");
        assertThat(reply.getFeatures().getSchemesList()).containsExactly(KeyScheme.ED25519, KeyScheme.ECDSA);
        assertThat(reply.getFeatures().getBlindSigningDisabled()).isTrue();
    }

    @Test
    void showingAnAddressPromptsFirstAndSendsP1Show() throws DeviceException {
        FakeApp app = new FakeApp(LedgerConnectionTest::app);
        LedgerConnection ledger = new LedgerConnection(app, "Nano X");
        List<Response> prompts = new ArrayList<>();

        Response reply = ledger.call(Request.newBuilder().setDerivePublicKey(DerivePublicKey.newBuilder()
                .setScheme(KeyScheme.ED25519).setPath(PATH).setShow(true)).build(), prompts::add);

        assertThat(reply.getPublicKey().getPublicKey().toByteArray()).isEqualTo(KEY);
        assertThat(prompts).singleElement().satisfies(p -> assertThat(p.getButtonRequest().getKind())
                .isEqualTo(ButtonRequest.Kind.SHOW_ADDRESS));
        assertThat(app.received).singleElement()
                .isEqualTo(PolkadotGenericApp.getAddress(LedgerPath.parse(PATH), LedgerScheme.ED25519, true, 0));
    }

    @Test
    void aTransactionWithItsProofIsSentInChunksAndTheEd25519SignatureLosesTheSchemeByte() throws DeviceException {
        FakeApp app = new FakeApp(LedgerConnectionTest::app);
        LedgerConnection ledger = new LedgerConnection(app, "Nano X");
        byte[] payload = filled(100, 1);
        byte[] proof = filled(600, 2);

        Response reply = ledger.call(sign(SignPayload.Kind.TRANSACTION, payload, proof), r -> { });

        assertThat(reply.getSignature().getSignature().toByteArray()).isEqualTo(Arrays.copyOfRange(zeroFirst(SIGNATURE), 1, 65));
        assertThat(app.received).isEqualTo(PolkadotGenericApp.sign(LedgerPath.parse(PATH), LedgerScheme.ED25519, payload, proof));
    }

    @Test
    void aTransactionWithoutAProofIsNeverSentAndIsBlindSigningDisabled() throws DeviceException {
        FakeApp app = new FakeApp(LedgerConnectionTest::app);
        LedgerConnection ledger = new LedgerConnection(app, "Nano X");

        Response reply = ledger.call(sign(SignPayload.Kind.TRANSACTION, filled(40, 1), new byte[0]), r -> { });

        assertThat(reply.getFailure().getCode()).isEqualTo(Failure.Code.BLIND_SIGNING_DISABLED);
        assertThat(app.received).isEmpty();
    }

    @Test
    void aRawMessageUsesSignRaw() throws DeviceException {
        FakeApp app = new FakeApp(LedgerConnectionTest::app);
        LedgerConnection ledger = new LedgerConnection(app, "Nano X");
        byte[] message = "hello".getBytes(StandardCharsets.US_ASCII);

        ledger.call(sign(SignPayload.Kind.RAW, message, new byte[0]), r -> { });

        assertThat(app.received).isEqualTo(PolkadotGenericApp.signRaw(LedgerPath.parse(PATH), LedgerScheme.ED25519, message));
    }

    @Test
    void aRejectionOnTheLedgerIsUserRejected() throws DeviceException {
        LedgerConnection ledger = new LedgerConnection(new FakeApp(apdu -> ApduResponse.error(LedgerError.USER_REJECTED)), "Nano X");

        Response reply = ledger.call(sign(SignPayload.Kind.RAW, filled(4, 1), new byte[0]), r -> { });

        assertThat(reply.getFailure().getCode()).isEqualTo(Failure.Code.USER_REJECTED);
    }

    @Test
    void theDashboardAnsweringIsAppNotOpen() {
        LedgerConnection ledger = new LedgerConnection(new FakeApp(apdu -> new ApduResponse(new byte[0], 0x6E00)), "Nano X");

        assertThatThrownBy(() -> ledger.call(Request.newBuilder().setGetFeatures(GetFeatures.getDefaultInstance()).build(), r -> { }))
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.error()).isEqualTo(DeviceError.APP_NOT_OPEN));
    }

    @Test
    void wipingIsUnsupportedWithASentence() {
        FakeApp app = new FakeApp(LedgerConnectionTest::app);
        LedgerConnection ledger = new LedgerConnection(app, "Nano X");

        assertThatThrownBy(() -> ledger.call(Request.newBuilder().setWipe(Wipe.getDefaultInstance()).build(), r -> { }))
                .isInstanceOfSatisfying(DeviceException.class, e -> {
                    assertThat(e.error()).isEqualTo(DeviceError.UNSUPPORTED);
                    assertThat(e.getMessage()).contains("on the Ledger itself");
                });
        assertThat(app.received).isEmpty();
    }

    @Test
    void aCancelEndsTheWaitingCallAtOnceAndTheNextCallWaitsForTheUsersAnswer() throws Exception {
        CountDownLatch userAnswers = new CountDownLatch(1);
        FakeApp app = new FakeApp(apdu -> {
            if (apdu.ins() == PolkadotGenericApp.INS_GET_ADDRESS && apdu.p1() == PolkadotGenericApp.P1_SHOW) {
                try {
                    userAnswers.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return app(apdu);
        });
        LedgerConnection ledger = new LedgerConnection(app, "Nano X");
        Request show = Request.newBuilder().setDerivePublicKey(DerivePublicKey.newBuilder()
                .setScheme(KeyScheme.ED25519).setPath(PATH).setShow(true)).build();
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> {
            try {
                return ledger.call(show, r -> { });
            } catch (DeviceException e) {
                throw new IllegalStateException(e);
            }
        });
        while (app.received.isEmpty()) {
            Thread.sleep(5);
        }

        ledger.cancel();

        assertThatThrownBy(() -> first.get(2, TimeUnit.SECONDS)).hasRootCauseInstanceOf(DeviceException.class)
                .rootCause().satisfies(e -> assertThat(((DeviceException) e).error()).isEqualTo(DeviceError.CANCELLED));
        CompletableFuture<Response> next = CompletableFuture.supplyAsync(() -> {
            try {
                return ledger.call(Request.newBuilder().setGetFeatures(GetFeatures.getDefaultInstance()).build(), r -> { });
            } catch (DeviceException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(next).isNotDone();
        userAnswers.countDown();
        assertThat(next.get(2, TimeUnit.SECONDS).hasFeatures()).isTrue();
    }

    @Test
    void anUncheckedFailureOfTheTransportEndsTheCallAsFailedInsteadOfLeavingItWaiting() {
        LedgerConnection ledger = new LedgerConnection(new FakeApp(apdu -> {
            throw new IllegalStateException("a transport bug");
        }), "Nano X");

        CompletableFuture<Void> call = CompletableFuture.runAsync(() -> assertThatThrownBy(() -> ledger.call(
                Request.newBuilder().setGetFeatures(GetFeatures.getDefaultInstance()).build(), r -> { }))
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.error()).isEqualTo(DeviceError.FAILED)));

        assertThat(call).succeedsWithin(java.time.Duration.ofSeconds(5));
        ledger.close();
    }

    private static Request sign(SignPayload.Kind kind, byte[] payload, byte[] proof) {
        return Request.newBuilder().setSignPayload(SignPayload.newBuilder().setScheme(KeyScheme.ED25519).setPath(PATH)
                .setKind(kind).setPayload(ByteString.copyFrom(payload)).setMetadataProof(ByteString.copyFrom(proof))).build();
    }

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }

    private static byte[] zeroFirst(byte[] signature) {
        byte[] out = signature.clone();
        out[0] = 0;
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
