package dev.hwbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.screen.Screen;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.Exchange;
import dev.hwbridge.simulator.testing.Requests;
import dev.hwbridge.simulator.testing.ScreenDriver;
import dev.hwbridge.simulator.testing.SimHost;
import dev.hwbridge.simulator.testing.Vectors;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public key of the polkadot-js vectors, asked of a simulator preloaded with the vector's
 * phrase, over UDP: all paths, all schemes, the {@code ///password} typed on the device.
 */
class VectorsFlowTest {

    private static final Map<String, KeyScheme> SCHEMES = Map.of(
            "sr25519", KeyScheme.SR25519, "ed25519", KeyScheme.ED25519, "ecdsa", KeyScheme.ECDSA);

    static Stream<Arguments> mnemonics() {
        return Stream.of("dev", "12-word", "15-word", "24-word", "abandon-12").map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("mnemonics")
    void publicKeysMatchPolkadotJs(String name) throws Exception {
        JsonNode vector = Vectors.mnemonic(name);
        try (Simulator device = Devices.builder().mnemonic(vector.path("phrase").asText()).start();
             SimHost host = SimHost.connect(device.udpPort())) {
            ScreenDriver user = new ScreenDriver(device.screen());
            int checked = 0;
            for (JsonNode derivation : vector.path("derivations")) {
                for (Map.Entry<String, KeyScheme> scheme : SCHEMES.entrySet()) {
                    JsonNode expected = derivation.path(scheme.getKey());
                    Response response = derive(host, user, scheme.getValue(), derivation);
                    if (expected.has("error")) {
                        assertThat(response.getFailure().getCode()).isEqualTo(Failure.Code.UNSUPPORTED_SCHEME);
                    } else {
                        assertThat(response.getPublicKey().getPublicKey().toByteArray())
                                .as("%s %s %s", name, derivation.path("path").asText(), scheme.getKey())
                                .isEqualTo(Vectors.bytes(expected.path("publicKey")));
                        assertThat(response.getPublicKey().getScheme()).isEqualTo(scheme.getValue());
                    }
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(27);
        }
    }

    @ParameterizedTest
    @MethodSource("mnemonics")
    void theAddressShownForConfirmationIsPolkadotJsAddress(String name) throws Exception {
        JsonNode derivation = Vectors.mnemonic(name).path("derivations").get(3);
        try (Simulator device = Devices.builder().mnemonic(Vectors.mnemonic(name).path("phrase").asText()).start();
             SimHost host = SimHost.connect(device.udpPort())) {
            ScreenDriver user = new ScreenDriver(device.screen());
            for (String prefix : List.of("0", "2", "42")) {
                CompletableFuture<Exchange> pending = host.callAsync(Requests.request(
                        Requests.derive(KeyScheme.ECDSA, derivation.path("path").asText()).setShow(true)
                                .setSs58Format(Integer.parseInt(prefix))));
                Screen shown = user.confirm("Check the address");
                assertThat(shown.lines().get(0)).isEqualTo(derivation.path("ecdsa").path("addresses").path(prefix).asText());
                assertThat(pending.get(30, TimeUnit.SECONDS).response().hasPublicKey()).isTrue();
            }
        }
    }

    private static Response derive(SimHost host, ScreenDriver user, KeyScheme scheme, JsonNode derivation)
            throws Exception {
        var request = Requests.derive(scheme, derivation.path("derivePath").asText());
        JsonNode password = derivation.path("suriPassword");
        if (password.isNull() || password.isMissingNode()) {
            return host.call(Requests.request(request)).response();
        }
        CompletableFuture<Exchange> pending = host.callAsync(Requests.request(request.setAskPassword(true)));
        if (!derivation.path(scheme.name().toLowerCase()).has("error")) {
            user.type(InputKind.PASSWORD, "Password for " + derivation.path("derivePath").asText(), password.asText());
        }
        return pending.get(30, TimeUnit.SECONDS).response();
    }
}
