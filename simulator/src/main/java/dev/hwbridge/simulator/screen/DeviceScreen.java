package dev.hwbridge.simulator.screen;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's screen and its user input, shared by the device logic (which shows screens and
 * blocks on prompts) and the automation API (which presses buttons and types). Thread-safe.
 *
 * <p>At most one prompt waits at a time: the device logic is one thread. While a prompt waits,
 * {@link #current()} is the prompt's screen; when it ends (answer, cancel, deadline or
 * interrupt) the screen returns at once to the last informational screen given to
 * {@link #show}, so {@code current().input()} always says truthfully what the device waits for.
 *
 * <p>Typed text is handed over once: {@link #type} stores it in the waiting prompt, the waiting
 * thread takes it and clears that field before returning it, and no screen ever contains it.
 * It travels as a {@code String} because it arrives as one (an HTTP body parsed by Jackson), so it
 * cannot be wiped; the caller of {@link #ask} should copy a PIN or password into a
 * {@code char[]}/{@code byte[]} it can zero, and drop the {@code String} at once.
 *
 * <p>Listeners are called with the lock held, so they see screens in order; they must return
 * quickly and never block (the SSE stream queues, it does not write, from its listener).
 */
public final class DeviceScreen {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceScreen.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition answered = lock.newCondition();
    private final List<ScreenListener> listeners = new CopyOnWriteArrayList<>();

    private Screen base;
    private Prompt prompt;

    /** A blank screen waiting for nothing. */
    public DeviceScreen() {
        this(Screen.BLANK);
    }

    /** Starts with {@code initial}, which must wait for nothing. */
    public DeviceScreen(Screen initial) {
        requireInformational(initial);
        this.base = initial;
    }

    /** What the screen shows now. */
    public Screen current() {
        lock.lock();
        try {
            return prompt != null ? prompt.screen : base;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Shows an informational screen (input {@link InputKind#NONE}). While a prompt waits the
     * prompt stays visible and this screen comes back when it ends.
     */
    public void show(Screen screen) {
        requireInformational(screen);
        lock.lock();
        try {
            base = screen;
            if (prompt == null) {
                publish(screen);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Shorthand for {@code show(Screen.info(title, lines))}. */
    public void show(String title, List<String> lines) {
        show(Screen.info(title, lines));
    }

    /**
     * Shows {@code title}/{@code lines} with the confirm and reject buttons and blocks until one
     * is pressed.
     *
     * @return true for confirm, false for reject
     * @throws CancelledException on {@link #cancel()} or interrupt
     * @throws IllegalStateException if another prompt is waiting
     */
    public boolean confirm(String title, List<String> lines) throws CancelledException {
        return confirm(title, lines, null);
    }

    /** As {@link #confirm(String, List)}, ending with {@code DEADLINE} after {@code timeout} (null: none). */
    public boolean confirm(String title, List<String> lines, Duration timeout) throws CancelledException {
        Prompt done = await(new Screen(title, lines, InputKind.CONFIRM), timeout);
        return done.button == Button.CONFIRM;
    }

    /**
     * Shows {@code title}/{@code lines} waiting for typed input of {@code kind} (word, PIN,
     * password or text) and blocks until the user types. The text is returned exactly as typed;
     * validating it is the caller's job.
     *
     * @throws CancelledException on {@link #cancel()} or interrupt
     * @throws IllegalArgumentException if {@code kind} is not a typed kind
     * @throws IllegalStateException if another prompt is waiting
     */
    public String ask(InputKind kind, String title, List<String> lines) throws CancelledException {
        return ask(kind, title, lines, null);
    }

    /** As {@link #ask(InputKind, String, List)}, ending with {@code DEADLINE} after {@code timeout} (null: none). */
    public String ask(InputKind kind, String title, List<String> lines, Duration timeout)
            throws CancelledException {
        if (!kind.isTyped()) {
            throw new IllegalArgumentException("not a typed input kind: " + kind);
        }
        Prompt done = await(new Screen(title, lines, kind), timeout);
        String text = done.typed;
        done.typed = null;
        return text;
    }

    /**
     * Presses a button.
     *
     * @return true if the device was waiting for a button (the press answered its prompt);
     *         false otherwise, and nothing changes
     */
    public boolean press(Button button) {
        Objects.requireNonNull(button, "button");
        lock.lock();
        try {
            if (prompt == null || prompt.screen.input() != InputKind.CONFIRM) {
                return false;
            }
            prompt.button = button;
            finish(Prompt.Outcome.ANSWERED);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Types text into the waiting word/PIN/password/text prompt.
     *
     * @return true if the device was waiting for typed input (the text answered its prompt);
     *         false otherwise, and the text is dropped
     */
    public boolean type(String text) {
        Objects.requireNonNull(text, "text");
        lock.lock();
        try {
            if (prompt == null || !prompt.screen.input().isTyped()) {
                return false;
            }
            prompt.typed = text;
            finish(Prompt.Outcome.ANSWERED);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the waiting prompt, if any, with {@link CancelledException.Reason#HOST_CANCEL}.
     * A cancel while no prompt waits does nothing: the device logic, which knows the request in
     * progress, decides whether a CANCEL that arrived before its prompt still applies.
     *
     * @return true if a prompt was waiting
     */
    public boolean cancel() {
        lock.lock();
        try {
            if (prompt == null) {
                return false;
            }
            finish(Prompt.Outcome.CANCELLED);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds a listener. It is called at once with the current screen, then with every new
     * screen, in order, on the thread that changed it, while the screen's lock is held.
     */
    public ScreenListener.Registration addListener(ScreenListener listener) {
        Objects.requireNonNull(listener, "listener");
        lock.lock();
        try {
            listeners.add(listener);
            deliver(listener, current());
        } finally {
            lock.unlock();
        }
        return () -> listeners.remove(listener);
    }

    private Prompt await(Screen screen, Duration timeout) throws CancelledException {
        long deadline = timeout == null ? 0 : System.nanoTime() + Math.max(0, timeout.toNanos());
        lock.lock();
        try {
            if (prompt != null) {
                throw new IllegalStateException("a prompt is already waiting");
            }
            Prompt mine = new Prompt(screen);
            prompt = mine;
            publish(screen);
            while (mine.outcome == null) {
                try {
                    if (timeout == null) {
                        answered.await();
                    } else {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            finish(Prompt.Outcome.TIMED_OUT);
                        } else {
                            answered.awaitNanos(left);
                        }
                    }
                } catch (InterruptedException e) {
                    if (mine.outcome == null) {
                        finish(Prompt.Outcome.INTERRUPTED);
                    }
                    Thread.currentThread().interrupt();
                }
            }
            return mine.result();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the waiting prompt; called with the lock held. */
    private void finish(Prompt.Outcome outcome) {
        prompt.outcome = outcome;
        prompt = null;
        answered.signalAll();
        publish(base);
    }

    private void publish(Screen screen) {
        for (ScreenListener listener : listeners) {
            deliver(listener, screen);
        }
    }

    private static void deliver(ScreenListener listener, Screen screen) {
        try {
            listener.onScreen(screen);
        } catch (RuntimeException e) {
            // One broken listener must not stop the device or the other listeners. The exception's
            // message is left out: it might quote the screen, which can hold seed words.
            LOG.warn("screen listener {} failed with {}", listener.getClass().getName(), e.getClass().getName());
        }
    }

    private static void requireInformational(Screen screen) {
        if (Objects.requireNonNull(screen, "screen").input() != InputKind.NONE) {
            throw new IllegalArgumentException("show() takes an informational screen; use confirm() or ask()");
        }
    }

    /** One waiting prompt and, once it ends, its outcome. Guarded by the screen's lock. */
    private static final class Prompt {
        enum Outcome { ANSWERED, CANCELLED, TIMED_OUT, INTERRUPTED }

        final Screen screen;
        Outcome outcome;
        Button button;
        String typed;

        Prompt(Screen screen) {
            this.screen = screen;
        }

        Prompt result() throws CancelledException {
            switch (outcome) {
                case ANSWERED:
                    return this;
                case CANCELLED:
                    throw new CancelledException(CancelledException.Reason.HOST_CANCEL);
                case TIMED_OUT:
                    throw new CancelledException(CancelledException.Reason.DEADLINE);
                default:
                    throw new CancelledException(CancelledException.Reason.INTERRUPTED);
            }
        }
    }
}
