package dev.hwbridge.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.simulator.screen.Button;
import dev.hwbridge.simulator.screen.DeviceScreen;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.screen.Screen;
import java.time.Duration;

/** The user's hand on a simulated device: waits for what the screen asks, then presses or types. */
final class DeviceHand {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final DeviceScreen screen;

    DeviceHand(DeviceScreen screen) {
        this.screen = screen;
    }

    /** Waits until the device waits for {@code kind}; returns that screen. */
    Screen await(InputKind kind) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Screen now = screen.current();
        while (now.input() != kind) {
            assertThat(System.nanoTime()).as("the device to wait for %s; it shows %s", kind, now).isLessThan(deadline);
            Thread.sleep(10);
            now = screen.current();
        }
        return now;
    }

    /** Waits for a confirm screen and confirms it; returns what it showed. */
    Screen confirm() throws InterruptedException {
        Screen shown = await(InputKind.CONFIRM);
        assertThat(screen.press(Button.CONFIRM)).isTrue();
        return shown;
    }

    Screen reject() throws InterruptedException {
        Screen shown = await(InputKind.CONFIRM);
        assertThat(screen.press(Button.REJECT)).isTrue();
        return shown;
    }

    /** Waits for a prompt of {@code kind} and types {@code text}; returns what it showed. */
    Screen type(InputKind kind, String text) throws InterruptedException {
        Screen shown = await(kind);
        assertThat(screen.type(text)).isTrue();
        return shown;
    }
}
