package dev.hwbridge.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.simulator.bip39.Mnemonic;
import dev.hwbridge.simulator.screen.DeviceScreen;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.state.InMemoryStateStore;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.Requests;
import dev.hwbridge.simulator.testing.ScreenDriver;
import dev.hwbridge.simulator.testing.Vectors;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mini-secret each seed identity keeps once it has derived a key: the keys are polkadot-js's
 * for every scheme and path, a ///password or another identity never gets it, and locking,
 * wiping or dropping the identity zeroes it.
 */
class KeptMiniSecretTest {

    private static final List<KeyScheme> SCHEMES = List.of(KeyScheme.SR25519, KeyScheme.ED25519, KeyScheme.ECDSA);

    private final DeviceScreen screen = new DeviceScreen();
    private final ScreenDriver user = new ScreenDriver(screen);
    private final DeviceLogic logic = new DeviceLogic(screen, new InMemoryStateStore(Devices.CHEAP_KDF, new SecureRandom()),
            DeviceInfo.fresh("", new SecureRandom()), DeviceInfoStore.inMemory(), new SecureRandom(), duration -> { }, null);

    @ParameterizedTest
    @ValueSource(strings = {"dev", "12-word", "15-word", "24-word", "abandon-12"})
    void everyKeyOfTheVectorsComesOutTheSameBeforeAndAfterTheMiniSecretIsKept(String name) throws Exception {
        JsonNode vector = Vectors.mnemonic(name);
        logic.preload(vector.path("phrase").asText(), new char[0]);
        assertThat(defaultSeed().heldMiniSecret()).isNull();
        for (int pass = 0; pass < 2; pass++) {
            for (JsonNode derivation : vector.path("derivations")) {
                for (KeyScheme scheme : SCHEMES) {
                    checkAgainstVector(derivation, scheme);
                }
            }
            // What is kept is substrate-bip39's mini-secret without a password, whatever passwords were typed.
            assertThat(Hex.toHex(defaultSeed().heldMiniSecret())).isEqualTo(vector.path("miniSecret").path("").asText());
        }
    }

    @Test
    void aPasswordTypedOnTheDeviceNeverGetsTheKeptMiniSecret() throws Exception {
        JsonNode vector = Vectors.mnemonic("dev");
        logic.preload(Vectors.DEV_PHRASE, new char[0]);
        byte[] withoutPassword = derive(KeyScheme.SR25519, "//1", "");
        byte[] withPassword = deriveWithPassword(KeyScheme.SR25519, "//1", "pass");
        assertThat(withPassword).isNotEqualTo(withoutPassword);
        assertThat(Hex.toHex(withPassword)).isEqualTo(vectorKey(vector, "//1///pass", KeyScheme.SR25519));
        // An empty password is no password: the kept mini-secret is the right one for it.
        assertThat(deriveWithPassword(KeyScheme.SR25519, "//1", "")).isEqualTo(withoutPassword);
        assertThat(Hex.toHex(defaultSeed().heldMiniSecret())).isEqualTo(vector.path("miniSecret").path("").asText());
    }

    @Test
    void eachIdentityDerivesFromItsOwnSeedOnly() throws Exception {
        JsonNode dev = Vectors.mnemonic("dev");
        JsonNode other = Vectors.mnemonic("24-word");
        logic.preload(Vectors.DEV_PHRASE, new char[0]);
        assertThat(Hex.toHex(derive(KeyScheme.SR25519, "//0", ""))).isEqualTo(vectorKey(dev, "//0", KeyScheme.SR25519));
        recover(other.path("phrase").asText(), "second");
        for (int round = 0; round < 2; round++) {
            assertThat(Hex.toHex(derive(KeyScheme.SR25519, "//0", "second"))).isEqualTo(vectorKey(other, "//0", KeyScheme.SR25519));
            assertThat(Hex.toHex(derive(KeyScheme.ED25519, "//0", "default"))).isEqualTo(vectorKey(dev, "//0", KeyScheme.ED25519));
            assertThat(Hex.toHex(derive(KeyScheme.ECDSA, "//0", "second"))).isEqualTo(vectorKey(other, "//0", KeyScheme.ECDSA));
        }
        assertThat(Hex.toHex(seed("second").heldMiniSecret())).isEqualTo(other.path("miniSecret").path("").asText());
        assertThat(Hex.toHex(seed("default").heldMiniSecret())).isEqualTo(dev.path("miniSecret").path("").asText());
        assertThat(code(handle(Requests.request(Requests.derive(KeyScheme.SR25519, "//0").setIdentity("nobody")))))
                .isEqualTo(Failure.Code.UNKNOWN_IDENTITY);
    }

    @Test
    void lockingZeroesTheKeptMiniSecretAndTheNextUnlockDerivesItAgain() throws Exception {
        logic.preload(Vectors.DEV_PHRASE, "2468".toCharArray());
        unlock("2468");
        byte[] key = derive(KeyScheme.SR25519, "//polkadot//0", "");
        IdentitySecret.Seed before = defaultSeed();
        byte[] kept = before.heldMiniSecret();
        assertThat(kept).isNotNull();

        logic.close();

        assertThat(kept).containsOnly(0);
        assertThat(before.heldMiniSecret()).isNull();
        assertThatThrownBy(before::miniSecret).isInstanceOf(IllegalStateException.class);
        assertThat(code(handle(Requests.request(Requests.derive(KeyScheme.SR25519, "//polkadot//0"))))).isEqualTo(Failure.Code.LOCKED);
        unlock("2468");
        assertThat(defaultSeed()).isNotSameAs(before);
        assertThat(defaultSeed().heldMiniSecret()).isNull();
        assertThat(derive(KeyScheme.SR25519, "//polkadot//0", "")).isEqualTo(key);
    }

    @Test
    void wipingZeroesTheKeptMiniSecret() throws Exception {
        logic.preload(Vectors.DEV_PHRASE, new char[0]);
        derive(KeyScheme.ED25519, "//polkadot//0", "");
        IdentitySecret.Seed before = defaultSeed();
        byte[] kept = before.heldMiniSecret();

        respond(Requests.wipe(), () -> user.confirm("Erase everything?"));

        assertThat(kept).containsOnly(0);
        assertThat(before.heldMiniSecret()).isNull();
        assertThat(code(handle(Requests.request(Requests.derive(KeyScheme.ED25519, "//polkadot//0")))))
                .isEqualTo(Failure.Code.NOT_INITIALIZED);
    }

    @Test
    void aStateWithoutAnIdentityZeroesWhatThatIdentityKept() {
        logic.preload(Vectors.DEV_PHRASE, new char[0]);
        derive(KeyScheme.SR25519, "", "");
        IdentitySecret.Seed dropped = defaultSeed();
        byte[] kept = dropped.heldMiniSecret();
        byte[] entropy = Mnemonic.toEntropy(Vectors.mnemonic("15-word").path("phrase").asText());
        Identity replacement = new Identity("other", new IdentitySecret.Seed(entropy));

        logic.context().commit(new DeviceState(List.of(replacement)));

        assertThat(kept).containsOnly(0);
        assertThat(dropped.heldMiniSecret()).isNull();
        assertThat(replacement.secret()).isNotSameAs(dropped);
    }

    private void checkAgainstVector(JsonNode derivation, KeyScheme scheme) throws Exception {
        String path = derivation.path("derivePath").asText();
        String expected = derivation.path(scheme.name().toLowerCase(Locale.ROOT)).path("publicKey").asText(null);
        String what = scheme + " " + derivation.path("path").asText();
        boolean hasPassword = !derivation.path("suriPassword").isNull();
        if (expected == null) {
            // Soft junctions of ed25519 and ecdsa: polkadot-js has no key there, and the device refuses.
            assertThat(handle(Requests.request(Requests.derive(scheme, path))).hasFailure()).as(what).isTrue();
            return;
        }
        byte[] key = hasPassword ? deriveWithPassword(scheme, path, derivation.path("suriPassword").asText())
                : derive(scheme, path, "");
        assertThat(Hex.toHex(key)).as(what).isEqualTo(expected);
    }

    private static String vectorKey(JsonNode vector, String suriPath, KeyScheme scheme) {
        for (JsonNode derivation : vector.path("derivations")) {
            if (derivation.path("path").asText().equals(suriPath)) {
                return derivation.path(scheme.name().toLowerCase(Locale.ROOT)).path("publicKey").asText();
            }
        }
        throw new AssertionError("no vector for " + suriPath);
    }

    private byte[] derive(KeyScheme scheme, String path, String identity) {
        return publicKey(handle(Requests.request(Requests.derive(scheme, path).setIdentity(identity))));
    }

    private byte[] deriveWithPassword(KeyScheme scheme, String path, String password) throws Exception {
        Request request = Requests.request(Requests.derive(scheme, path).setAskPassword(true));
        return publicKey(respond(request, () -> user.type(InputKind.PASSWORD, "Password for", password)));
    }

    private void unlock(String pin) throws Exception {
        assertThat(respond(Requests.unlock(), () -> user.enterPin(pin)).hasSuccess()).isTrue();
    }

    private void recover(String phrase, String identity) throws Exception {
        Response response = respond(Requests.recover(phrase.split(" ").length, identity), () -> {
            user.confirm("Recover a seed?");
            user.typePhrase(phrase);
            user.choosePin("1357");
        });
        assertThat(response.hasSuccess()).as("%s", response).isTrue();
    }

    /** Sends a request that prompts, plays the user's part, and returns the final reply. */
    private Response respond(Request request, Runnable userPart) throws Exception {
        CompletableFuture<Response> pending = CompletableFuture.supplyAsync(() -> handle(request));
        userPart.run();
        return pending.get(30, TimeUnit.SECONDS);
    }

    private Response handle(Request request) {
        return logic.handle(request, interim -> { }, logic.newCancelSignal());
    }

    private IdentitySecret.Seed defaultSeed() {
        return seed("");
    }

    private IdentitySecret.Seed seed(String identity) {
        return (IdentitySecret.Seed) logic.context().state().find(identity).orElseThrow().secret();
    }

    private static byte[] publicKey(Response response) {
        assertThat(response.hasPublicKey()).as("a PublicKey, not %s", response).isTrue();
        return response.getPublicKey().getPublicKey().toByteArray();
    }

    private static Failure.Code code(Response response) {
        assertThat(response.hasFailure()).as("a Failure, not %s", response.getBodyCase()).isTrue();
        return response.getFailure().getCode();
    }
}
