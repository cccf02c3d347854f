package dev.hwbridge.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.message.DerivePublicKeys;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.simulator.screen.DeviceScreen;
import dev.hwbridge.simulator.state.InMemoryStateStore;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.Requests;
import dev.hwbridge.simulator.testing.Vectors;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DerivePublicKeys: a page of keys in one exchange, the same keys DerivePublicKey gives one by one. */
class DeriveManyFlowTest {

    private final DeviceScreen screen = new DeviceScreen();
    private final List<Response> interims = new CopyOnWriteArrayList<>();
    private final DeviceLogic logic = new DeviceLogic(screen, new InMemoryStateStore(Devices.CHEAP_KDF, new SecureRandom()),
            DeviceInfo.fresh("", new SecureRandom()), DeviceInfoStore.inMemory(), new SecureRandom(), duration -> { }, null);

    @ParameterizedTest
    @EnumSource(value = KeyScheme.class, names = {"SR25519", "ED25519", "ECDSA"})
    void aPageHoldsPolkadotJsKeysInTheOrderOfItsPaths(KeyScheme scheme) {
        logic.preload(Vectors.DEV_PHRASE, new char[0]);
        List<String> paths = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (JsonNode derivation : Vectors.mnemonic("dev").path("derivations")) {
            String key = derivation.path(scheme.name().toLowerCase(Locale.ROOT)).path("publicKey").asText(null);
            if (key != null && derivation.path("suriPassword").isNull()) {
                paths.add(derivation.path("derivePath").asText());
                expected.add(key);
            }
        }

        Response page = handle(many(scheme, paths, ""));

        assertThat(page.getPublicKeys().getScheme()).isEqualTo(scheme);
        assertThat(page.getPublicKeys().getPublicKeysList()).extracting(k -> Hex.toHex(k.toByteArray()))
                .containsExactlyElementsOf(expected);
        assertThat(interims).as("nothing is asked or shown").isEmpty();
    }

    @Test
    void aPageOfAHundredKeysMatchesTheKeysAskedOneByOne() {
        logic.preload(Vectors.DEV_PHRASE, new char[0]);
        List<String> paths = IntStream.range(0, DeriveManyFlow.MAX_PATHS).mapToObj(i -> "//polkadot//" + i).toList();

        List<ByteString> page = handle(many(KeyScheme.SR25519, paths, "")).getPublicKeys().getPublicKeysList();

        assertThat(page).hasSize(100);
        for (int i : new int[] {0, 1, 57, 99}) {
            Response one = handle(Requests.request(Requests.derive(KeyScheme.SR25519, paths.get(i))));
            assertThat(page.get(i)).isEqualTo(one.getPublicKey().getPublicKey());
        }
    }

    @ParameterizedTest
    @EnumSource(value = KeyScheme.class, names = {"SR25519", "ED25519", "ECDSA"})
    void pathsSharingTheirFirstJunctionsGiveTheKeysEachGivesAlone(KeyScheme scheme) {
        logic.preload(Vectors.DEV_PHRASE, new char[0]);
        List<String> paths = scheme == KeyScheme.SR25519
                ? List.of("/soft//hard", "/soft", "/soft//hard/1", "/soft//0")
                : List.of("//a//b", "//a", "//a//b//c", "//a//0");

        List<ByteString> page = handle(many(scheme, paths, "")).getPublicKeys().getPublicKeysList();

        for (int i = 0; i < paths.size(); i++) {
            Response one = handle(Requests.request(Requests.derive(scheme, paths.get(i))));
            assertThat(page.get(i)).as(paths.get(i)).isEqualTo(one.getPublicKey().getPublicKey());
        }
    }

    @Test
    void anImportedKeyDerivesItsPageFromItsKey() {
        logic.preload(Vectors.DEV_PHRASE, new char[0]);
        JsonNode root = Vectors.mnemonic("dev").path("derivations").get(0).path("ed25519");
        byte[] secret = Vectors.bytes(root.path("secretKey"));
        DeviceState state = logic.context().state();
        logic.context().commit(state.with(new Identity("imported", new IdentitySecret.ImportedKey(
                dev.hwbridge.protocol.account.KeyScheme.ED25519, secret, Vectors.bytes(root.path("publicKey"))))));

        Response page = handle(many(KeyScheme.ED25519, List.of("", "//0"), "imported"));

        assertThat(page.getPublicKeys().getPublicKeysList()).extracting(k -> Hex.toHex(k.toByteArray()))
                .containsExactly(root.path("publicKey").asText(), Vectors.mnemonic("dev").path("derivations").get(1)
                        .path("ed25519").path("publicKey").asText());
        assertThat(code(handle(many(KeyScheme.SR25519, List.of("//0"), "imported")))).isEqualTo(Failure.Code.UNSUPPORTED_SCHEME);
    }

    @Test
    void aPageOfNoPathOrOfTooManyIsInvalid() {
        logic.preload(Vectors.DEV_PHRASE, new char[0]);
        List<String> tooMany = IntStream.rangeClosed(0, DeriveManyFlow.MAX_PATHS).mapToObj(i -> "//" + i).toList();

        assertThat(code(handle(many(KeyScheme.SR25519, List.of(), "")))).isEqualTo(Failure.Code.INVALID_REQUEST);
        assertThat(code(handle(many(KeyScheme.SR25519, tooMany, "")))).isEqualTo(Failure.Code.INVALID_REQUEST);
        assertThat(code(handle(many(KeyScheme.KEY_SCHEME_UNSPECIFIED, List.of("//0"), "")))).isEqualTo(Failure.Code.INVALID_REQUEST);
    }

    @Test
    void onePathTheDeviceRefusesFailsThePage() {
        logic.preload(Vectors.DEV_PHRASE, new char[0]);

        assertThat(code(handle(many(KeyScheme.SR25519, List.of("//0", "//1///secret", "//2"), ""))))
                .isEqualTo(Failure.Code.INVALID_PATH);
        assertThat(code(handle(many(KeyScheme.ED25519, List.of("//0", "/soft"), ""))))
                .isEqualTo(Failure.Code.UNSUPPORTED_SCHEME);
        assertThat(code(handle(many(KeyScheme.SR25519, List.of("//0"), "nobody")))).isEqualTo(Failure.Code.UNKNOWN_IDENTITY);
    }

    @Test
    void aPageNeedsASetUpUnlockedDevice() {
        assertThat(code(handle(many(KeyScheme.SR25519, List.of("//0"), "")))).isEqualTo(Failure.Code.NOT_INITIALIZED);
        logic.preload(Vectors.DEV_PHRASE, "1234".toCharArray());
        assertThat(code(handle(many(KeyScheme.SR25519, List.of("//0"), "")))).isEqualTo(Failure.Code.LOCKED);
    }

    @Test
    void aCancelledPageEndsCancelled() {
        logic.preload(Vectors.DEV_PHRASE, new char[0]);
        CancelSignal cancel = logic.newCancelSignal();
        cancel.cancel();

        Response response = logic.handle(many(KeyScheme.SR25519, List.of("//0", "//1"), ""), interims::add, cancel);

        assertThat(code(response)).isEqualTo(Failure.Code.CANCELLED);
    }

    private static Request many(KeyScheme scheme, List<String> paths, String identity) {
        return Request.newBuilder().setDerivePublicKeys(DerivePublicKeys.newBuilder()
                .setScheme(scheme).addAllPaths(paths).setIdentity(identity)).build();
    }

    private Response handle(Request request) {
        return logic.handle(request, interims::add, logic.newCancelSignal());
    }

    private static Failure.Code code(Response response) {
        assertThat(response.hasFailure()).as("a Failure, not %s", response.getBodyCase()).isTrue();
        return response.getFailure().getCode();
    }
}
