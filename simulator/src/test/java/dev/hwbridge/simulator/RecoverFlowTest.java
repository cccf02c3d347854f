package dev.hwbridge.simulator;

import static dev.hwbridge.simulator.SetupFlowTest.button;
import static dev.hwbridge.simulator.SetupFlowTest.input;
import static dev.hwbridge.simulator.SetupFlowTest.progress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.Features;
import dev.hwbridge.protocol.message.InputRequest;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Recovery through the real UDP transport: words typed on the device, the host sees only progress. */
class RecoverFlowTest {

    private static final String PHRASE = Vectors.DEV_PHRASE;
    /** The dev phrase with its last two words swapped: every word valid, the checksum wrong. */
    private static final String BAD_CHECKSUM = "bottom drive obey lake curtain smoke basket hold race lonely walk fit";

    @Test
    void aGoodPhraseIsRecoveredAndItsKeysMatchPolkadotJs() throws Exception {
        try (Simulator device = Devices.builder().start(); SimHost host = SimHost.connect(device.udpPort())) {
            ScreenDriver user = new ScreenDriver(device.screen());
            CompletableFuture<Exchange> pending = host.callAsync(Requests.recover(12, ""));
            user.confirm("Recover a seed?");
            user.typePhrase(PHRASE);
            user.choosePin("4321");
            Exchange result = pending.get(30, TimeUnit.SECONDS);

            assertThat(result.response().hasSuccess()).isTrue();
            List<Response> expected = new ArrayList<>();
            expected.add(button(ButtonRequest.Kind.RECOVER, "Recover a seed?", List.of("12 words", "identity default")));
            for (int i = 1; i <= 12; i++) {
                expected.add(progress(i, 12, "word " + i + " of 12"));
                expected.add(input(InputRequest.Kind.WORD, "Word " + i + " of 12"));
            }
            expected.add(input(InputRequest.Kind.NEW_PIN, "Choose a PIN"));
            expected.add(input(InputRequest.Kind.NEW_PIN, "Confirm the PIN"));
            assertThat(result.interims()).containsExactlyElementsOf(expected);

            Features features = host.call(Requests.features()).response().getFeatures();
            assertThat(features.getLocked()).isFalse();
            assertThat(features.getPinSet()).isTrue();
            byte[] alice = host.call(Requests.request(Requests.derive(KeyScheme.SR25519, "//Alice"))).response()
                    .getPublicKey().getPublicKey().toByteArray();
            assertThat(alice).isEqualTo(Vectors.bytes(Vectors.mnemonic("dev").path("derivations").get(2)
                    .path("sr25519").path("publicKey")));
        }
    }

    @Test
    void anUnknownWordIsRefusedAtOnceAndAskedAgain() throws Exception {
        try (Simulator device = Devices.builder().start(); SimHost host = SimHost.connect(device.udpPort())) {
            ScreenDriver user = new ScreenDriver(device.screen());
            CompletableFuture<Exchange> pending = host.callAsync(Requests.recover(12, ""));
            user.confirm("Recover a seed?");
            String[] words = PHRASE.split(" ");
            user.type(InputKind.WORD, "Word 1 of 12", words[0]);
            user.type(InputKind.WORD, "Word 2 of 12", "drivee");
            Screen again = user.await(InputKind.WORD, "Word 2 of 12");
            assertThat(again.lines()).containsExactly("Not a BIP39 word: try again");
            device.screen().type(" DRIVE ");
            for (int i = 2; i < 12; i++) {
                user.type(InputKind.WORD, "Word " + (i + 1) + " of 12", words[i]);
            }
            user.choosePin("4321");
            Exchange result = pending.get(30, TimeUnit.SECONDS);

            assertThat(result.response().hasSuccess()).isTrue();
            long askedForWord2 = result.interims().stream()
                    .filter(r -> r.equals(input(InputRequest.Kind.WORD, "Word 2 of 12"))).count();
            long progressWord2 = result.interims().stream()
                    .filter(r -> r.equals(progress(2, 12, "word 2 of 12"))).count();
            assertThat(askedForWord2).isEqualTo(2);
            assertThat(progressWord2).isEqualTo(2);
            assertThat(host.call(Requests.request(Requests.derive(KeyScheme.ED25519, ""))).response()
                    .getPublicKey().getPublicKey().toByteArray())
                    .isEqualTo(Vectors.bytes(Vectors.mnemonic("dev").path("derivations").get(0).path("ed25519").path("publicKey")));
        }
    }

    @Test
    void aBadChecksumOffersARetryAndStoresNothingUntilThePhraseIsValid() throws Exception {
        try (Simulator device = Devices.builder().start(); SimHost host = SimHost.connect(device.udpPort())) {
            ScreenDriver user = new ScreenDriver(device.screen());
            CompletableFuture<Exchange> pending = host.callAsync(Requests.recover(12, ""));
            user.confirm("Recover a seed?");
            user.typePhrase(BAD_CHECKSUM);
            Screen warning = user.confirm("Invalid recovery phrase");
            assertThat(warning.lines()).containsExactly("Try again?");
            user.typePhrase(PHRASE);
            user.choosePin("4321");
            Exchange result = pending.get(30, TimeUnit.SECONDS);

            assertThat(result.response().hasSuccess()).isTrue();
            assertThat(result.interims()).contains(button(ButtonRequest.Kind.WARNING, "Invalid recovery phrase",
                    List.of("Try again?")));
            assertThat(host.call(Requests.features()).response().getFeatures().getInitialized()).isTrue();
        }
    }

    @Test
    void rejectingTheRetryAfterABadChecksumLeavesTheDeviceEmpty() throws Exception {
        try (Simulator device = Devices.builder().start(); SimHost host = SimHost.connect(device.udpPort())) {
            ScreenDriver user = new ScreenDriver(device.screen());
            CompletableFuture<Exchange> pending = host.callAsync(Requests.recover(12, ""));
            user.confirm("Recover a seed?");
            user.typePhrase(BAD_CHECKSUM);
            user.reject("Invalid recovery phrase");

            assertThat(pending.get(30, TimeUnit.SECONDS).failureCode()).isEqualTo(Failure.Code.USER_REJECTED);
            Features features = host.call(Requests.features()).response().getFeatures();
            assertThat(features.getInitialized()).isFalse();
            assertThat(features.getIdentitiesList()).isEmpty();
        }
    }
}
