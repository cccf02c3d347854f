package dev.hwbridge.simulator.screen;

import java.util.List;
import java.util.Objects;

/**
 * What the device's screen shows: a title, some lines, and what the device waits for. Immutable.
 *
 * <p>{@link #toString()} shows neither the title nor the lines: during setup the lines are the
 * new seed's words, and a screen may end up in a log line.
 */
public record Screen(String title, List<String> lines, InputKind input) {

    /** The screen of a device that has nothing to say yet. */
    public static final Screen BLANK = new Screen("", List.of(), InputKind.NONE);

    public Screen {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(input, "input");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }

    /** An informational screen (waits for nothing). */
    public static Screen info(String title, List<String> lines) {
        return new Screen(title, lines, InputKind.NONE);
    }

    /** This screen's text, waiting for {@code kind}. */
    public Screen waitingFor(InputKind kind) {
        return new Screen(title, lines, kind);
    }

    @Override
    public String toString() {
        return "Screen[" + lines.size() + " lines, input=" + input.wireName() + "]";
    }
}
