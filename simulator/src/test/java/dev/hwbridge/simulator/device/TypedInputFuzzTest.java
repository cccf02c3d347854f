package dev.hwbridge.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hwbridge.protocol.message.DerivePublicKey;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.Messages;
import dev.hwbridge.protocol.message.Recover;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.Setup;
import dev.hwbridge.protocol.message.Unlock;
import dev.hwbridge.simulator.screen.Button;
import dev.hwbridge.simulator.screen.DeviceScreen;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.screen.Screen;
import dev.hwbridge.simulator.state.InMemoryStateStore;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Types arbitrary text into the device's prompts: recovery words, PINs (unlock and a new PIN),
 * setup's check words and a {@code ///password}. Whatever is typed, the request ends with a final
 * reply that is never FIRMWARE_ERROR (the device logic's name for an unexpected exception).
 *
 * <p>Input: UTF-8 lines. The first names the request: {@code recover [words]}, {@code unlock},
 * {@code setup} or {@code derive}; each further line answers the next typed prompt. Every button
 * prompt is confirmed; once the lines run out the host cancels. The prompts are answered from a
 * screen listener, on the device's own thread, so no input waits for a timeout.
 */
class TypedInputFuzzTest {

    private static final char[] PIN = "1234".toCharArray();

    @FuzzTest
    void anyTypedTextEndsTheRequestWithAFinalReply(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        Deque<String> typed = new ArrayDeque<>(Arrays.asList(lines).subList(1, lines.length));
        String[] scenario = lines[0].strip().split(" ", 2);

        SecureRandom random = new SecureRandom();
        DeviceScreen screen = new DeviceScreen();
        DeviceLogic logic = new DeviceLogic(screen, new InMemoryStateStore(Devices.CHEAP_KDF, random),
                DeviceInfo.fresh("", random), DeviceInfoStore.inMemory(), random, delay -> { }, Duration.ofSeconds(30));
        Request request = switch (scenario[0]) {
            case "unlock" -> {
                logic.preload(Vectors.DEV_PHRASE, PIN.clone());
                yield Request.newBuilder().setUnlock(Unlock.getDefaultInstance()).build();
            }
            case "setup" -> {
                logic.boot();
                yield Request.newBuilder().setSetup(Setup.newBuilder().setWordCount(12)).build();
            }
            case "derive" -> {
                logic.preload(Vectors.DEV_PHRASE, new char[0]);
                yield Request.newBuilder().setDerivePublicKey(DerivePublicKey.newBuilder()
                        .setScheme(KeyScheme.SR25519).setPath("//0").setAskPassword(true)).build();
            }
            default -> {
                logic.boot();
                yield Request.newBuilder().setRecover(Recover.newBuilder().setWordCount(wordCount(scenario))).build();
            }
        };
        screen.addListener(shown -> answer(screen, shown, typed));

        Response response = logic.handle(request, interim -> assertThat(Messages.isFinal(interim)).isFalse(),
                logic.newCancelSignal());

        assertThat(Messages.isFinal(response)).isTrue();
        if (response.hasFailure()) {
            assertThat(response.getFailure().getCode()).isNotEqualTo(Failure.Code.FIRMWARE_ERROR);
        }
        assertThat(screen.current().input()).isEqualTo(InputKind.NONE);
    }

    /** Plays the user: confirms every button prompt, types the next line into a typed one, cancels when none is left. */
    private static void answer(DeviceScreen screen, Screen shown, Deque<String> typed) {
        if (shown.input() == InputKind.CONFIRM) {
            screen.press(Button.CONFIRM);
        } else if (shown.input().isTyped()) {
            if (typed.isEmpty()) {
                screen.cancel();
            } else {
                screen.type(typed.poll());
            }
        }
    }

    private static int wordCount(String[] scenario) {
        if (scenario.length < 2) {
            return 12;
        }
        try {
            return Integer.parseInt(scenario[1].strip());
        } catch (NumberFormatException e) {
            return 12;
        }
    }
}
