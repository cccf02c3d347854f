package dev.hwbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.Features;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.SignPayload;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.screen.Screen;
import dev.hwbridge.simulator.state.EncryptedFileStateStore;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.Exchange;
import dev.hwbridge.simulator.testing.Requests;
import dev.hwbridge.simulator.testing.ScreenDriver;
import dev.hwbridge.simulator.testing.SimHost;
import dev.hwbridge.simulator.testing.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PIN entry on the device: counted before it is compared, growing delays, wipe at the tenth failure. */
class PinFlowTest {

    private static final char[] PIN = "1234".toCharArray();

    @Test
    void failuresSurviveARestartAndTheTenthWipesTheDevice(@TempDir Path dir) throws Exception {
        List<Duration> delays = new CopyOnWriteArrayList<>();
        try (Simulator preloaded = Devices.builder(delays).stateDir(dir).mnemonic(Vectors.DEV_PHRASE).pin(PIN).start()) {
            assertThat(preloaded.udpPort()).isPositive();
        }
        try (Simulator device = Devices.builder(delays).stateDir(dir).start();
             SimHost host = SimHost.connect(device.udpPort())) {
            Features locked = host.call(Requests.features()).response().getFeatures();
            assertThat(locked.getLocked()).isTrue();
            assertThat(locked.getPinSet()).isTrue();
            assertThat(locked.getInitialized()).isTrue();
            assertThat(locked.getIdentitiesList()).isEmpty();
            assertThat(host.call(Requests.request(Requests.sign(KeyScheme.SR25519, "", SignPayload.Kind.RAW,
                    new byte[] {1}))).failureCode()).isEqualTo(Failure.Code.LOCKED);
            for (int attempt = 1; attempt <= 4; attempt++) {
                assertThat(unlock(device, host, "0000").failureCode()).isEqualTo(Failure.Code.PIN_INVALID);
            }
        }
        try (Simulator device = Devices.builder(delays).stateDir(dir).start();
             SimHost host = SimHost.connect(device.udpPort())) {
            for (int attempt = 5; attempt <= 9; attempt++) {
                Exchange result = unlock(device, host, "9999");
                assertThat(result.failureCode()).isEqualTo(Failure.Code.PIN_INVALID);
                assertThat(result.response().getFailure().getMessage()).contains((10 - attempt) + " attempts left");
            }
            assertThat(unlock(device, host, "1111").failureCode()).isEqualTo(Failure.Code.WIPED);

            Features wiped = host.call(Requests.features()).response().getFeatures();
            assertThat(wiped.getInitialized()).isFalse();
            assertThat(wiped.getLocked()).isFalse();
            assertThat(wiped.getPinSet()).isFalse();
        }
        assertThat(delays).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16),
                Duration.ofSeconds(32), Duration.ofSeconds(60));
        try (EncryptedFileStateStore store = new EncryptedFileStateStore(dir, Devices.CHEAP_KDF, new SecureRandom())) {
            assertThat(store.exists()).isFalse();
            assertThat(store.failedAttempts()).isZero();
        }
    }

    @Test
    void theRightPinUnlocksAndResetsTheCount(@TempDir Path dir) throws Exception {
        List<Duration> delays = new CopyOnWriteArrayList<>();
        try (Simulator preloaded = Devices.builder(delays).stateDir(dir).mnemonic(Vectors.DEV_PHRASE).pin(PIN).start()) {
            assertThat(preloaded.udpPort()).isPositive();
        }
        try (Simulator device = Devices.builder(delays).stateDir(dir).start();
             SimHost host = SimHost.connect(device.udpPort())) {
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(unlock(device, host, "0000").failureCode()).isEqualTo(Failure.Code.PIN_INVALID);
            }
            assertThat(unlock(device, host, "1234").response().getSuccess().getMessage()).isEqualTo("unlocked");
            Features features = host.call(Requests.features()).response().getFeatures();
            assertThat(features.getLocked()).isFalse();
            assertThat(features.getIdentitiesList()).containsExactly("default");
            assertThat(host.call(Requests.unlock()).response().getSuccess().getMessage()).isEqualTo("already unlocked");
        }
        try (Simulator device = Devices.builder(delays).stateDir(dir).start();
             SimHost host = SimHost.connect(device.udpPort())) {
            assertThat(unlock(device, host, "0000").failureCode()).isEqualTo(Failure.Code.PIN_INVALID);
        }
        // Three free attempts, then 1 s for the right PIN; after it the count starts again from zero.
        assertThat(delays).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1),
                Duration.ZERO);
    }

    @Test
    void aDevicePreloadedWithAPinStartsLockedAndOneWithoutAPinUnlocked() throws Exception {
        List<Duration> delays = new CopyOnWriteArrayList<>();
        try (Simulator device = Devices.builder(delays).mnemonic(Vectors.DEV_PHRASE).pin(PIN).start();
             SimHost host = SimHost.connect(device.udpPort())) {
            Features features = host.call(Requests.features()).response().getFeatures();
            assertThat(features.getLocked()).isTrue();
            assertThat(features.getPinSet()).isTrue();
            assertThat(unlock(device, host, "1234").response().hasSuccess()).isTrue();
        }
        try (Simulator device = Devices.builder(delays).mnemonic(Vectors.DEV_PHRASE).start();
             SimHost host = SimHost.connect(device.udpPort())) {
            Features features = host.call(Requests.features()).response().getFeatures();
            assertThat(features.getLocked()).isFalse();
            assertThat(features.getPinSet()).isFalse();
            assertThat(features.getIdentitiesList()).containsExactly("default");
            assertThat(host.call(Requests.unlock()).response().getSuccess().getMessage()).isEqualTo("no PIN is set");
        }
        assertThat(delays).containsExactly(Duration.ZERO);
    }

    @Test
    void aTypoIsAskedAgainAndNotCounted(@TempDir Path dir) throws Exception {
        List<Duration> delays = new CopyOnWriteArrayList<>();
        try (Simulator preloaded = Devices.builder(delays).stateDir(dir).mnemonic(Vectors.DEV_PHRASE).pin(PIN).start()) {
            assertThat(preloaded.udpPort()).isPositive();
        }
        try (Simulator device = Devices.builder(delays).stateDir(dir).start();
             SimHost host = SimHost.connect(device.udpPort())) {
            ScreenDriver user = new ScreenDriver(device.screen());
            CompletableFuture<Exchange> pending = host.callAsync(Requests.unlock());
            user.enterPin("12a4");
            Screen again = user.await(InputKind.PIN, "Enter PIN");
            assertThat(again.lines()).containsExactly("A PIN has 4 to 16 digits");
            device.screen().type("1234");
            assertThat(pending.get(30, TimeUnit.SECONDS).response().hasSuccess()).isTrue();
        }
        assertThat(delays).containsExactly(Duration.ZERO);
    }

    @Test
    void aDeviceFoundAtTheFailureLimitWipesItselfAtStart(@TempDir Path dir) throws Exception {
        try (Simulator preloaded = Devices.builder().stateDir(dir).mnemonic(Vectors.DEV_PHRASE).pin(PIN).start()) {
            assertThat(preloaded.udpPort()).isPositive();
        }
        try (EncryptedFileStateStore store = new EncryptedFileStateStore(dir, Devices.CHEAP_KDF, new SecureRandom())) {
            for (int i = 0; i < 10; i++) {
                store.recordFailedAttempt();
            }
        }
        try (Simulator device = Devices.builder().stateDir(dir).start(); SimHost host = SimHost.connect(device.udpPort())) {
            Features features = host.call(Requests.features()).response().getFeatures();
            assertThat(features.getInitialized()).isFalse();
            assertThat(features.getLocked()).isFalse();
        }
    }

    @Test
    void aDeletedAttemptCounterCountsAsEveryAttemptSpentAndTheDeviceErasesItself(@TempDir Path dir) throws Exception {
        try (Simulator preloaded = Devices.builder().stateDir(dir).mnemonic(Vectors.DEV_PHRASE).pin(PIN).start()) {
            assertThat(preloaded.udpPort()).isPositive();
        }
        // Deleting the counter must not buy fresh guesses.
        Files.delete(dir.resolve("attempts.bin"));

        try (Simulator device = Devices.builder().stateDir(dir).start(); SimHost host = SimHost.connect(device.udpPort())) {
            Features features = host.call(Requests.features()).response().getFeatures();
            assertThat(features.getInitialized()).isFalse();
            assertThat(features.getLocked()).isFalse();
        }
        assertThat(dir.resolve("state.bin")).doesNotExist();
    }

    @Test
    void aDamagedAttemptCounterMeansTheNextAttemptErasesTheDeviceWithoutTryingThePin(@TempDir Path dir)
            throws Exception {
        List<Duration> delays = new CopyOnWriteArrayList<>();
        try (Simulator device = Devices.builder(delays).stateDir(dir).mnemonic(Vectors.DEV_PHRASE).pin(PIN).start();
             SimHost host = SimHost.connect(device.udpPort())) {
            // Damaged while the device runs (it read an intact counter at start).
            Files.write(dir.resolve("attempts.bin"), new byte[] {'H', 'W', 'B', 'C', 1, 0, 0, 0, 0, 0, 0, 0, 0});

            Exchange right = unlock(device, host, "1234");

            assertThat(right.failureCode()).isEqualTo(Failure.Code.WIPED);
            assertThat(host.call(Requests.features()).response().getFeatures().getInitialized()).isFalse();
        }
        assertThat(delays).as("no attempt was counted or waited for").isEmpty();
    }

    private static Exchange unlock(Simulator device, SimHost host, String pin) throws Exception {
        CompletableFuture<Exchange> pending = host.callAsync(Requests.unlock());
        new ScreenDriver(device.screen()).enterPin(pin);
        return pending.get(30, TimeUnit.SECONDS);
    }
}
