package dev.hwbridge.simulator.testing;

import dev.hwbridge.simulator.screen.Button;
import dev.hwbridge.simulator.screen.DeviceScreen;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.screen.Screen;
import java.time.Duration;
import java.util.function.Predicate;

/** Plays the user in tests: waits for the device's prompt, then presses or types. */
public final class ScreenDriver {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final DeviceScreen screen;

    public ScreenDriver(DeviceScreen screen) {
        this.screen = screen;
    }

    /** Waits until the screen matches. */
    public Screen await(Predicate<Screen> wanted, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Screen current = screen.current();
            if (wanted.test(current)) {
                return current;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        Screen last = screen.current();
        throw new AssertionError("the screen never showed " + what + "; it shows \"" + last.title() + "\" waiting for "
                + last.input().wireName());
    }

    /** Waits for a prompt of {@code kind} whose title starts with {@code title}. */
    public Screen await(InputKind kind, String title) {
        return await(s -> s.input() == kind && s.title().startsWith(title), kind.wireName() + " \"" + title + "\"");
    }

    public Screen confirm(String title) {
        Screen shown = await(InputKind.CONFIRM, title);
        press(Button.CONFIRM);
        return shown;
    }

    public Screen reject(String title) {
        Screen shown = await(InputKind.CONFIRM, title);
        press(Button.REJECT);
        return shown;
    }

    public Screen type(InputKind kind, String title, String text) {
        Screen shown = await(kind, title);
        if (!screen.type(text)) {
            throw new AssertionError("the device stopped waiting for " + kind.wireName());
        }
        return shown;
    }

    public void enterPin(String pin) {
        type(InputKind.PIN, "Enter PIN", pin);
    }

    /** Types the same new PIN twice. */
    public void choosePin(String pin) {
        type(InputKind.PIN, "Choose a PIN", pin);
        type(InputKind.PIN, "Confirm the PIN", pin);
    }

    /** Types each word of {@code phrase} into the recovery prompts. */
    public void typePhrase(String phrase) {
        String[] words = phrase.split(" ");
        for (int i = 0; i < words.length; i++) {
            type(InputKind.WORD, "Word " + (i + 1) + " of " + words.length, words[i]);
        }
    }

    private void press(Button button) {
        if (!screen.press(button)) {
            throw new AssertionError("the device stopped waiting for a button");
        }
    }
}
