package dev.hwbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.Exchange;
import dev.hwbridge.simulator.testing.Requests;
import dev.hwbridge.simulator.testing.ScreenDriver;
import dev.hwbridge.simulator.testing.SimHost;
import dev.hwbridge.simulator.testing.Vectors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Several named seeds on one device: requests name one, "" is the first. */
class IdentitiesFlowTest {

    @Test
    void aSecondIdentityIsAddedByRecoveryAndRequestsChooseBetweenThem() throws Exception {
        String second = Vectors.mnemonic("12-word").path("phrase").asText();
        try (Simulator device = Devices.builder().mnemonic(Vectors.DEV_PHRASE).start();
             SimHost host = SimHost.connect(device.udpPort())) {
            ScreenDriver user = new ScreenDriver(device.screen());
            CompletableFuture<Exchange> pending = host.callAsync(Requests.recover(12, "savings"));
            user.confirm("Recover a seed?");
            user.typePhrase(second);
            // The preloaded device had no PIN: adding a seed on the device makes the user choose one.
            user.choosePin("8642");
            assertThat(pending.get(30, TimeUnit.SECONDS).response().hasSuccess()).isTrue();

            assertThat(host.call(Requests.features()).response().getFeatures().getIdentitiesList())
                    .containsExactly("default", "savings");
            assertThat(publicKey(host, "")).isEqualTo(expected("dev"));
            assertThat(publicKey(host, "default")).isEqualTo(expected("dev"));
            assertThat(publicKey(host, "savings")).isEqualTo(expected("12-word"));
            assertThat(host.call(Requests.request(Requests.derive(KeyScheme.SR25519, "").setIdentity("checking")))
                    .failureCode()).isEqualTo(Failure.Code.UNKNOWN_IDENTITY);
            assertThat(host.call(Requests.recover(12, "savings")).failureCode()).isEqualTo(Failure.Code.ALREADY_INITIALIZED);
        }
    }

    @Test
    void aDeviceWithAPinAddsAnIdentityWithoutAskingForANewPin() throws Exception {
        try (Simulator device = Devices.builder().mnemonic(Vectors.DEV_PHRASE).pin("1234".toCharArray()).start();
             SimHost host = SimHost.connect(device.udpPort())) {
            ScreenDriver user = new ScreenDriver(device.screen());
            assertThat(host.call(Requests.setup(12, "spare")).failureCode()).isEqualTo(Failure.Code.LOCKED);
            CompletableFuture<Exchange> unlock = host.callAsync(Requests.unlock());
            user.enterPin("1234");
            assertThat(unlock.get(30, TimeUnit.SECONDS).response().hasSuccess()).isTrue();

            CompletableFuture<Exchange> pending = host.callAsync(Requests.recover(12, "spare"));
            user.confirm("Recover a seed?");
            user.typePhrase(Vectors.mnemonic("abandon-12").path("phrase").asText());
            Exchange result = pending.get(30, TimeUnit.SECONDS);
            assertThat(result.response().hasSuccess()).isTrue();
            assertThat(result.interims()).noneMatch(r -> r.hasInputRequest()
                    && r.getInputRequest().getKind() == dev.hwbridge.protocol.message.InputRequest.Kind.NEW_PIN);
            assertThat(publicKey(host, "spare")).isEqualTo(expected("abandon-12"));
        }
    }

    private static byte[] publicKey(SimHost host, String identity) {
        return host.call(Requests.request(Requests.derive(KeyScheme.SR25519, "//Alice").setIdentity(identity)))
                .response().getPublicKey().getPublicKey().toByteArray();
    }

    private static byte[] expected(String mnemonic) {
        return Vectors.bytes(Vectors.mnemonic(mnemonic).path("derivations").get(2).path("sr25519").path("publicKey"));
    }
}
