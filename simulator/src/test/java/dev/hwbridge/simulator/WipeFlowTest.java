package dev.hwbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.Features;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.Exchange;
import dev.hwbridge.simulator.testing.Requests;
import dev.hwbridge.simulator.testing.ScreenDriver;
import dev.hwbridge.simulator.testing.SimHost;
import dev.hwbridge.simulator.testing.Vectors;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wipe: confirmed on the device, works while locked, leaves the device attached and empty. */
class WipeFlowTest {

    @Test
    void aConfirmedWipeEmptiesTheDeviceAndTheChannelStaysUsable(@TempDir Path dir) throws Exception {
        try (Simulator device = Devices.builder().stateDir(dir).mnemonic(Vectors.DEV_PHRASE).pin("1234".toCharArray())
                .start(); SimHost host = SimHost.connect(device.udpPort())) {
            ScreenDriver user = new ScreenDriver(device.screen());
            String deviceId = host.call(Requests.features()).response().getFeatures().getDeviceId();
            CompletableFuture<Exchange> pending = host.callAsync(Requests.wipe());
            user.confirm("Erase everything?");
            Exchange result = pending.get(30, TimeUnit.SECONDS);

            assertThat(result.response().hasSuccess()).isTrue();
            assertThat(result.interims()).singleElement()
                    .satisfies(r -> assertThat(r.getButtonRequest().getKind()).isEqualTo(ButtonRequest.Kind.WIPE));
            Features features = host.call(Requests.features()).response().getFeatures();
            assertThat(features.getInitialized()).isFalse();
            assertThat(features.getLocked()).isFalse();
            assertThat(features.getPinSet()).isFalse();
            assertThat(features.getDeviceId()).isEqualTo(deviceId);
            assertThat(dir.resolve("state.bin")).doesNotExist();
            assertThat(host.call(Requests.request(Requests.derive(KeyScheme.SR25519, ""))).failureCode())
                    .isEqualTo(Failure.Code.NOT_INITIALIZED);
        }
    }

    @Test
    void aRejectedWipeKeepsEverything() throws Exception {
        try (Simulator device = Devices.builder().mnemonic(Vectors.DEV_PHRASE).start();
             SimHost host = SimHost.connect(device.udpPort())) {
            CompletableFuture<Exchange> pending = host.callAsync(Requests.wipe());
            new ScreenDriver(device.screen()).reject("Erase everything?");
            assertThat(pending.get(30, TimeUnit.SECONDS).failureCode()).isEqualTo(Failure.Code.USER_REJECTED);
            assertThat(host.call(Requests.features()).response().getFeatures().getIdentitiesList()).containsExactly("default");
        }
    }
}
