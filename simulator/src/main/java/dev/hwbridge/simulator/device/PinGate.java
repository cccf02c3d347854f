package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.InputRequest;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.simulator.state.StateError;
import dev.hwbridge.simulator.state.StateException;
import dev.hwbridge.simulator.state.StateStore;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unlock: one PIN attempt typed on the device. The attempt is counted and persisted
 * <em>before</em> the PIN is compared (pulling the power mid-guess still counts it), then the
 * device waits {@link PinDelay}, then compares by opening the sealed state. The
 * {@link #MAX_FAILURES}th failure in a row wipes the device.
 *
 * <p>A counter the store cannot read back (deleted beside the state, or damaged) counts as every
 * attempt spent ({@link StateStore#ALL_ATTEMPTS_SPENT}): the device then does what it does after
 * the last allowed wrong PIN and erases itself, at start ({@link DeviceContext#boot()}) or at the
 * next attempt, without trying the PIN. A hardware wallet that finds its PIN counter tampered with
 * does the same; the alternative, reading it as zero, would let anyone who can delete a file guess
 * without end.
 */
final class PinGate {

    /** Failures in a row that wipe the device. */
    static final int MAX_FAILURES = 10;
    private static final Logger LOG = LoggerFactory.getLogger(PinGate.class);

    private final DeviceContext context;
    private final Sleeper sleeper;

    PinGate(DeviceContext context, Sleeper sleeper) {
        this.context = context;
        this.sleeper = sleeper;
    }

    Response unlock(UserIo io) {
        if (!context.isLocked()) {
            return Replies.success(context.pinSet() ? "already unlocked" : "no PIN is set");
        }
        char[] pin = askPin(io);
        try {
            return attempt(io, pin);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private Response attempt(UserIo io, char[] pin) {
        StateStore store = context.store();
        int previous = store.failedAttempts();
        if (previous >= MAX_FAILURES) {
            return wiped();
        }
        int failures = store.recordFailedAttempt();
        io.working("Checking PIN");
        pause(previous);
        Optional<byte[]> opened;
        try {
            opened = store.load(pin);
        } catch (StateException e) {
            if (e.code() != StateError.WRONG_PIN) {
                throw e;
            }
            LOG.info("wrong PIN ({} of {} failures)", failures, MAX_FAILURES);
            if (failures >= MAX_FAILURES) {
                return wiped();
            }
            return Replies.failure(Failure.Code.PIN_INVALID,
                    "wrong PIN; " + (MAX_FAILURES - failures) + " attempts left before the device erases itself");
        }
        store.resetFailedAttempts();
        byte[] blob = opened.orElseThrow(() -> new StateException(StateError.CORRUPT, "the state vanished"));
        try {
            context.unlock(pin, StateCodec.decode(blob));
        } finally {
            Arrays.fill(blob, (byte) 0);
        }
        return Replies.success("unlocked");
    }

    private char[] askPin(UserIo io) {
        List<String> lines = List.of();
        while (true) {
            String typed = io.ask(InputRequest.Kind.PIN, "Enter PIN", lines);
            // A text that cannot be a PIN is refused without counting: it is a typo, not a guess.
            if (PinRules.isValid(typed)) {
                return typed.toCharArray();
            }
            lines = List.of(PinRules.HINT);
        }
    }

    private void pause(int previousFailures) {
        try {
            sleeper.sleep(PinDelay.before(previousFailures));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CancelSignal.cancelledFailure();
        }
    }

    private Response wiped() {
        context.wipe();
        LOG.warn("too many wrong PINs: the device erased itself");
        return Replies.failure(Failure.Code.WIPED, "too many wrong PINs: the device erased itself");
    }
}
