package dev.hwbridge.simulator.device;

import dev.hwbridge.simulator.screen.DeviceScreen;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The host's cancel for one request. The transport makes one per request and calls
 * {@link #cancel()} on CANCEL, from its own thread, at any moment: before the device has started
 * the request, while it works, or while a prompt waits.
 *
 * <p>A cancel is remembered: a request cancelled before it started ends with CANCELLED at once, and
 * one cancelled while the device works ends with CANCELLED at its next prompt. A prompt that is
 * waiting is ended through {@link DeviceScreen#cancel()}. The device marks the span from "about to
 * prompt" to "prompt over" ({@link #enterPrompt()}/{@link #exitPrompt()}), so a cancel that lands
 * between the check and the prompt's appearance is not lost: {@link #cancel()} then retries
 * {@code DeviceScreen.cancel()} until the prompt is up and ends it. Thread-safe.
 */
public final class CancelSignal {

    /** How long {@link #cancel()} retries for a prompt that is about to appear; it appears in microseconds. */
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final DeviceScreen screen;
    private boolean cancelled;
    private boolean inPrompt;

    public CancelSignal(DeviceScreen screen) {
        this.screen = Objects.requireNonNull(screen, "screen");
    }

    /** Cancels the request: remembered for later prompts, and ends the prompt waiting now, if any. */
    public void cancel() {
        synchronized (this) {
            cancelled = true;
            if (!inPrompt) {
                return;
            }
        }
        long deadline = System.nanoTime() + RETRY_NANOS;
        while (!screen.cancel()) {
            synchronized (this) {
                if (!inPrompt) {
                    return;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                return;
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }

    /** True once {@link #cancel()} was called. */
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /**
     * Called by the device right before it shows a prompt.
     *
     * @throws FlowFailure CANCELLED if the request was cancelled already
     */
    synchronized void enterPrompt() {
        if (cancelled) {
            throw cancelledFailure();
        }
        inPrompt = true;
    }

    /** Called by the device when the prompt is over, however it ended. */
    synchronized void exitPrompt() {
        inPrompt = false;
    }

    /** @throws FlowFailure CANCELLED if the request was cancelled */
    void check() {
        if (isCancelled()) {
            throw cancelledFailure();
        }
    }

    static FlowFailure cancelledFailure() {
        return new FlowFailure(dev.hwbridge.protocol.message.Failure.Code.CANCELLED, "cancelled by the host");
    }
}
