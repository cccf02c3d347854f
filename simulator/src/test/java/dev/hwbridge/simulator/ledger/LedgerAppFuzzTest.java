package dev.hwbridge.simulator.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hwbridge.protocol.ledger.ApduResponse;
import dev.hwbridge.protocol.ledger.LedgerError;
import dev.hwbridge.simulator.bip39.Bip39Seed;
import dev.hwbridge.simulator.screen.Button;
import dev.hwbridge.simulator.screen.DeviceScreen;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.testing.Vectors;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The simulated Polkadot app answers any APDU sequence a host sends with a reply, never an
 * exception: inputs are records of a length byte and that many APDU bytes. Every prompt is
 * rejected by a user who presses reject as soon as it shows.
 */
class LedgerAppFuzzTest {

    private static final byte[] SEED = Bip39Seed.of(Vectors.DEV_PHRASE, "");

    @FuzzTest
    void anyApduSequenceGetsAReply(byte[] input) {
        DeviceScreen screen = new DeviceScreen();
        ExecutorService user = Executors.newSingleThreadExecutor();
        screen.addListener(shown -> {
            if (shown.input() == InputKind.CONFIRM) {
                user.execute(() -> screen.press(Button.REJECT));
            }
        });
        try (LedgerApp app = new LedgerApp(SEED, screen)) {
            int at = 0;
            while (at < input.length) {
                int length = input[at++] & 0xFF;
                byte[] apdu = Arrays.copyOfRange(input, at, Math.min(input.length, at + length));
                at += length;
                ApduResponse reply = app.handle(apdu);
                assertThat(reply).isNotNull();
                if (!reply.isOk()) {
                    assertThat(LedgerError.ofStatusWord(reply.statusWord())).isPresent();
                    assertThat(reply.statusWord()).isNotEqualTo(0x6F00);
                }
            }
        } finally {
            user.shutdownNow();
        }
    }
}
