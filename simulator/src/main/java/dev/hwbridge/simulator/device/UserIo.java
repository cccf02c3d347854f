package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.InputRequest;
import dev.hwbridge.simulator.screen.CancelledException;
import dev.hwbridge.simulator.screen.DeviceScreen;
import dev.hwbridge.simulator.screen.InputKind;
import java.time.Duration;
import java.util.List;

/**
 * The user's side of one request: every prompt on the device's screen, announced to the host by
 * exactly one interim ButtonRequest or InputRequest (PROTOCOL.md §4). A prompt ended by the host's
 * cancel ends the request with CANCELLED, one that times out with TIMEOUT. Used by one thread.
 */
final class UserIo {

    private final DeviceScreen screen;
    private final Interim interim;
    private final CancelSignal cancel;
    private final Duration promptTimeout;

    UserIo(DeviceScreen screen, Interim interim, CancelSignal cancel, Duration promptTimeout) {
        this.screen = screen;
        this.interim = interim;
        this.cancel = cancel;
        this.promptTimeout = promptTimeout;
    }

    /** Shows the same lines on the screen and to the host; true for confirm, false for reject. */
    boolean confirm(ButtonRequest.Kind kind, String title, List<String> lines) {
        return confirm(kind, title, lines, lines);
    }

    /**
     * Asks for confirm/reject. {@code hostLines} go to the host, {@code screenLines} to the screen:
     * they differ only where the screen shows a secret (the new seed's words).
     */
    boolean confirm(ButtonRequest.Kind kind, String title, List<String> hostLines, List<String> screenLines) {
        cancel.enterPrompt();
        try {
            interim.send(Replies.buttonRequest(kind, title, hostLines));
            return screen.confirm(title, screenLines, promptTimeout);
        } catch (CancelledException e) {
            throw aborted(e);
        } finally {
            cancel.exitPrompt();
        }
    }

    /** As {@link #confirm}, ending the request with USER_REJECTED on reject. */
    void require(ButtonRequest.Kind kind, String title, List<String> lines) {
        if (!confirm(kind, title, lines)) {
            throw rejected();
        }
    }

    /**
     * Asks the user to type something on the device; the host learns only {@code kind} and
     * {@code title}. The text comes back as typed; the caller checks it and copies a PIN or
     * password into an array it can clear.
     */
    String ask(InputRequest.Kind kind, String title, List<String> screenLines) {
        cancel.enterPrompt();
        try {
            interim.send(Replies.inputRequest(kind, title));
            return screen.ask(screenKind(kind), title, screenLines, promptTimeout);
        } catch (CancelledException e) {
            throw aborted(e);
        } finally {
            cancel.exitPrompt();
        }
    }

    /** Tells the host how far a counted series has come (word 3 of 24); comes right before its prompt. */
    void progress(int current, int total, String text) {
        interim.send(Replies.progress(current, total, text));
    }

    /** Shows an informational screen while the device works (the host then gets KEEPALIVE 01). */
    void working(String title) {
        screen.show(title, List.of("Please wait"));
    }

    /** @throws FlowFailure CANCELLED if the host has cancelled */
    void checkCancelled() {
        cancel.check();
    }

    static FlowFailure rejected() {
        return new FlowFailure(Failure.Code.USER_REJECTED, "rejected on the device");
    }

    private static FlowFailure aborted(CancelledException e) {
        if (e.reason() == CancelledException.Reason.DEADLINE) {
            return new FlowFailure(Failure.Code.TIMEOUT, "the user did not answer on the device in time");
        }
        return CancelSignal.cancelledFailure();
    }

    private static InputKind screenKind(InputRequest.Kind kind) {
        return switch (kind) {
            case PIN, NEW_PIN -> InputKind.PIN;
            case WORD -> InputKind.WORD;
            case PASSWORD -> InputKind.PASSWORD;
            case TEXT -> InputKind.TEXT;
            case UNSPECIFIED, UNRECOGNIZED -> throw new IllegalArgumentException("not an input kind: " + kind);
        };
    }
}
