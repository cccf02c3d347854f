package dev.hwbridge.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.hwbridge.protocol.message.DerivePublicKey;
import dev.hwbridge.protocol.message.ExportEncrypted;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.Features;
import dev.hwbridge.protocol.message.ImportEncrypted;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.SignPayload;
import dev.hwbridge.simulator.error.SignerException;
import dev.hwbridge.simulator.keys.KeyPair;
import dev.hwbridge.simulator.keys.Keys;
import dev.hwbridge.simulator.keys.SecretUri;
import dev.hwbridge.simulator.keys.Signatures;
import dev.hwbridge.simulator.screen.DeviceScreen;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.state.InMemoryStateStore;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.Requests;
import dev.hwbridge.simulator.testing.ScreenDriver;
import dev.hwbridge.simulator.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The firmware logic on its own, without a transport: preconditions and refusals. */
class DeviceLogicTest {

    private final DeviceScreen screen = new DeviceScreen();
    private final List<Response> interims = new CopyOnWriteArrayList<>();

    private DeviceLogic device(Duration promptTimeout) {
        DeviceLogic logic = new DeviceLogic(screen, new InMemoryStateStore(Devices.CHEAP_KDF, new SecureRandom()),
                DeviceInfo.fresh("", new SecureRandom()), DeviceInfoStore.inMemory(), new SecureRandom(),
                duration -> { }, promptTimeout);
        logic.boot();
        return logic;
    }

    private Response handle(DeviceLogic logic, Request request) {
        return logic.handle(request, interims::add, logic.newCancelSignal());
    }

    @Test
    void anEmptyDeviceHasNoKeysToUse() {
        DeviceLogic logic = device(null);
        Features features = handle(logic, Requests.features()).getFeatures();
        assertThat(features.getInitialized()).isFalse();
        assertThat(features.getLocked()).isFalse();
        assertThat(features.getPinSet()).isFalse();
        assertThat(features.getModel()).isEqualTo(FirmwareVersion.MODEL);
        assertThat(features.getLabel()).isEqualTo(DeviceInfo.DEFAULT_LABEL);
        assertThat(features.getSchemesList()).containsExactly(KeyScheme.SR25519, KeyScheme.ED25519, KeyScheme.ECDSA);
        assertThat(features.getProtocolVersion()).isEqualTo(1);
        assertThat(code(handle(logic, Requests.request(Requests.derive(KeyScheme.SR25519, "")))))
                .isEqualTo(Failure.Code.NOT_INITIALIZED);
        assertThat(code(handle(logic, Requests.importJson("{}", "pw", "")))).isEqualTo(Failure.Code.NOT_INITIALIZED);
        assertThat(interims).isEmpty();
        assertThat(screen.current().lines()).contains("Not set up");
    }

    @Test
    void aLockedDeviceAnswersOnlyFeaturesUnlockAndWipe() {
        DeviceLogic logic = device(null);
        logic.preload(Vectors.DEV_PHRASE, "1234".toCharArray());
        List<Request> refused = List.of(
                Requests.setup(12, "x"), Requests.recover(12, "x"),
                Requests.request(Requests.derive(KeyScheme.SR25519, "")),
                Requests.request(Requests.sign(KeyScheme.SR25519, "", SignPayload.Kind.RAW, new byte[] {1})),
                Requests.export(KeyScheme.SR25519, "", "pw", ""),
                Requests.importJson("{}", "pw", ""));
        for (Request request : refused) {
            assertThat(code(handle(logic, request))).as(request.getBodyCase().name()).isEqualTo(Failure.Code.LOCKED);
        }
        assertThat(handle(logic, Requests.features()).getFeatures().getLocked()).isTrue();
        assertThat(screen.current().lines()).contains("Locked");
    }

    @Test
    void requestsThatAreNoOperationAreInvalid() {
        DeviceLogic logic = device(null);
        assertThat(code(handle(logic, Requests.cancel()))).isEqualTo(Failure.Code.INVALID_REQUEST);
        assertThat(code(handle(logic, Request.getDefaultInstance()))).isEqualTo(Failure.Code.INVALID_REQUEST);
    }

    @Test
    void aRequestCancelledBeforeItStartsShowsNothing() {
        DeviceLogic logic = device(null);
        CancelSignal cancelled = logic.newCancelSignal();
        cancelled.cancel();
        Response response = logic.handle(Requests.wipe(), interims::add, cancelled);
        assertThat(code(response)).isEqualTo(Failure.Code.CANCELLED);
        assertThat(interims).isEmpty();
    }

    @Test
    void aPromptNobodyAnswersTimesOut() {
        DeviceLogic logic = device(Duration.ofMillis(50));
        assertThat(code(handle(logic, Requests.wipe()))).isEqualTo(Failure.Code.TIMEOUT);
        assertThat(screen.current().input()).isEqualTo(InputKind.NONE);
    }

    @Test
    void setupChecksItsFields() {
        DeviceLogic logic = device(null);
        assertThat(code(handle(logic, Requests.setup(11, "")))).isEqualTo(Failure.Code.INVALID_REQUEST);
        assertThat(code(handle(logic, Requests.setup(12, "bad\u0000name")))).isEqualTo(Failure.Code.INVALID_REQUEST);
        Request longLabel = Request.newBuilder().setSetup(Requests.setup(12, "").getSetup().toBuilder()
                .setLabel("l".repeat(65))).build();
        assertThat(code(handle(logic, longLabel))).isEqualTo(Failure.Code.INVALID_REQUEST);
        assertThat(interims).isEmpty();
    }

    @Test
    void aPreloadNeedsAValidPhraseAndPin() {
        DeviceLogic logic = device(null);
        assertThatThrownBy(() -> logic.preload("bottom drive obey", new char[0])).isInstanceOf(SignerException.class);
        assertThatThrownBy(() -> logic.preload(Vectors.DEV_PHRASE, "12".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("12");
        assertThat(handle(logic, Requests.features()).getFeatures().getInitialized()).isFalse();
    }

    @Test
    void aPasswordPathSignsWithTheKeyOfThePasswordTypedOnTheDevice() throws Exception {
        DeviceLogic logic = device(null);
        logic.preload(Vectors.DEV_PHRASE, new char[0]);
        ScreenDriver user = new ScreenDriver(screen);
        byte[] message = "pay 1 DOT".getBytes(StandardCharsets.UTF_8);
        Request request = Requests.request(Requests.sign(KeyScheme.SR25519, "//polkadot//0", SignPayload.Kind.TRANSACTION,
                message).setAskPassword(true));
        CompletableFuture<Response> pending = CompletableFuture.supplyAsync(() -> handle(logic, request));
        user.type(InputKind.PASSWORD, "Password for //polkadot//0", "my secret passphrase");
        user.confirm("Blind signing");
        user.confirm("Sign transaction");
        byte[] signature = pending.get(30, TimeUnit.SECONDS).getSignature().getSignature().toByteArray();

        try (SecretUri uri = SecretUri.parse(Vectors.DEV_PHRASE + "//polkadot//0///my secret passphrase");
             KeyPair expected = Keys.fromUri(dev.hwbridge.protocol.account.KeyScheme.SR25519, uri);
             SecretUri noPassword = SecretUri.parse(Vectors.DEV_PHRASE + "//polkadot//0");
             KeyPair without = Keys.fromUri(dev.hwbridge.protocol.account.KeyScheme.SR25519, noPassword)) {
            assertThat(Signatures.verify(expected.scheme(), expected.publicKey(), message, signature)).isTrue();
            assertThat(Signatures.verify(without.scheme(), without.publicKey(), message, signature)).isFalse();
        }
        assertThat(interims.get(0).getInputRequest().getKind()).isEqualTo(dev.hwbridge.protocol.message.InputRequest.Kind.PASSWORD);
        assertThat(interims.toString()).doesNotContain("my secret passphrase");
    }

    @Test
    void fieldsOutOfRangeAreRefusedBeforeAnyPrompt() {
        DeviceLogic logic = device(null);
        logic.preload(Vectors.DEV_PHRASE, new char[0]);
        assertThat(code(handle(logic, Request.newBuilder().setDerivePublicKey(DerivePublicKey.newBuilder()
                .setSchemeValue(99)).build()))).isEqualTo(Failure.Code.INVALID_REQUEST);
        assertThat(code(handle(logic, Request.newBuilder().setExportEncrypted(ExportEncrypted.newBuilder()
                .setScheme(KeyScheme.ECDSA).setPath("/soft").setJsonPassword("pw")).build())))
                .isEqualTo(Failure.Code.UNSUPPORTED_SCHEME);
        assertThat(code(handle(logic, Request.newBuilder().setSignPayload(SignPayload.newBuilder()
                .setScheme(KeyScheme.SR25519).setKindValue(7).setPayload(ByteString.copyFrom(new byte[] {1}))).build())))
                .isEqualTo(Failure.Code.INVALID_REQUEST);
        assertThat(code(handle(logic, Request.newBuilder().setImportEncrypted(ImportEncrypted.newBuilder()
                .setJson("not json").setJsonPassword("pw")).build()))).isEqualTo(Failure.Code.INVALID_JSON);
        assertThat(interims).isEmpty();
    }

    private static Failure.Code code(Response response) {
        assertThat(response.hasFailure()).as("a Failure, not %s", response.getBodyCase()).isTrue();
        return response.getFailure().getCode();
    }
}
