package dev.hwbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.protocol.message.Features;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.simulator.device.DeviceInfoStore;
import dev.hwbridge.simulator.state.EncryptedFileStateStore;
import dev.hwbridge.simulator.state.StateError;
import dev.hwbridge.simulator.state.StateException;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.Exchange;
import dev.hwbridge.simulator.testing.Requests;
import dev.hwbridge.simulator.testing.ScreenDriver;
import dev.hwbridge.simulator.testing.SimHost;
import dev.hwbridge.simulator.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State at rest: it survives a restart, and without the PIN its file is ciphertext. */
class StateAtRestFlowTest {

    private static final String IDENTITY = "cold-storage-identity";

    @Test
    void stateSurvivesARestartAndIsUnreadableWithoutThePin(@TempDir Path dir) throws Exception {
        byte[] aliceBefore;
        try (Simulator device = Devices.builder().stateDir(dir).label("bench device").start();
             SimHost host = SimHost.connect(device.udpPort())) {
            ScreenDriver user = new ScreenDriver(device.screen());
            CompletableFuture<Exchange> pending = host.callAsync(Requests.recover(12, IDENTITY));
            user.confirm("Recover a seed?");
            user.typePhrase(Vectors.DEV_PHRASE);
            user.choosePin("2580");
            assertThat(pending.get(30, TimeUnit.SECONDS).response().hasSuccess()).isTrue();
            aliceBefore = alice(host);
        }

        byte[] file = Files.readAllBytes(dir.resolve("state.bin"));
        byte[] entropy = Vectors.bytes(Vectors.mnemonic("dev").path("entropy"));
        assertThat(indexOf(file, entropy)).isNegative();
        assertThat(indexOf(file, IDENTITY.getBytes(StandardCharsets.UTF_8))).isNegative();
        assertThat(indexOf(file, "HWDV".getBytes(StandardCharsets.US_ASCII))).isNegative();
        for (String word : Vectors.DEV_PHRASE.split(" ")) {
            assertThat(indexOf(file, word.getBytes(StandardCharsets.US_ASCII))).isNegative();
        }
        try (EncryptedFileStateStore store = new EncryptedFileStateStore(dir, Devices.CHEAP_KDF, new SecureRandom())) {
            assertThatThrownBy(() -> store.load("0000".toCharArray()))
                    .isInstanceOfSatisfying(StateException.class, e -> assertThat(e.code()).isEqualTo(StateError.WRONG_PIN));
            assertThatThrownBy(() -> store.load(new char[0]))
                    .isInstanceOfSatisfying(StateException.class, e -> assertThat(e.code()).isEqualTo(StateError.WRONG_PIN));
            assertThat(indexOf(store.load("2580".toCharArray()).orElseThrow(), entropy)).isNotNegative();
        }
        assertThat(Files.readString(dir.resolve(DeviceInfoStore.FILE_NAME))).contains("bench device");

        try (Simulator device = Devices.builder().stateDir(dir).start(); SimHost host = SimHost.connect(device.udpPort())) {
            Features locked = host.call(Requests.features()).response().getFeatures();
            assertThat(locked.getLocked()).isTrue();
            assertThat(locked.getLabel()).isEqualTo("bench device");
            CompletableFuture<Exchange> unlock = host.callAsync(Requests.unlock());
            new ScreenDriver(device.screen()).enterPin("2580");
            assertThat(unlock.get(30, TimeUnit.SECONDS).response().hasSuccess()).isTrue();
            Features features = host.call(Requests.features()).response().getFeatures();
            assertThat(features.getIdentitiesList()).containsExactly(IDENTITY);
            assertThat(features.getDeviceId()).isEqualTo(locked.getDeviceId());
            assertThat(alice(host)).isEqualTo(aliceBefore);
        }
    }

    @Test
    void aPreloadedDeviceWritesItsEncryptedStateAtStart(@TempDir Path dir) throws Exception {
        try (Simulator device = Devices.builder().stateDir(dir).mnemonic(Vectors.DEV_PHRASE).start()) {
            assertThat(dir.resolve("state.bin")).isRegularFile();
            assertThat(indexOf(Files.readAllBytes(dir.resolve("state.bin")),
                    Vectors.bytes(Vectors.mnemonic("dev").path("entropy")))).isNegative();
            assertThat(device.udpPort()).isPositive();
        }
        try (Simulator device = Devices.builder().stateDir(dir).start(); SimHost host = SimHost.connect(device.udpPort())) {
            Features features = host.call(Requests.features()).response().getFeatures();
            assertThat(features.getLocked()).isFalse();
            assertThat(features.getPinSet()).isFalse();
            assertThat(features.getIdentitiesList()).containsExactly("default");
        }
    }

    private static byte[] alice(SimHost host) {
        return host.call(Requests.request(Requests.derive(KeyScheme.SR25519, "//Alice").setIdentity(IDENTITY)))
                .response().getPublicKey().getPublicKey().toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
