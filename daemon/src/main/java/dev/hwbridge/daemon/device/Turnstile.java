package dev.hwbridge.daemon.device;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Lets one holder through at a time, first come first served, and keeps the others waiting
 * without a thread: {@link #enter()} gives a future that completes when it is the caller's turn.
 * Unlike a lock it has no owner thread, so a turn may begin on one thread and end on another (an
 * exchange that a device's event loop finishes). Thread-safe.
 */
final class Turnstile {

    // Guarded by this.
    private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private boolean held;

    /**
     * @return completes when the caller holds the turnstile, which it must then {@link #leave()};
     *         cancelling it before that gives up the place in line
     */
    CompletableFuture<Void> enter() {
        synchronized (this) {
            if (!held) {
                held = true;
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> turn = new CompletableFuture<>();
            waiting.add(turn);
            return turn;
        }
    }

    /** Passes the turnstile to the next in line that still waits. */
    void leave() {
        while (true) {
            CompletableFuture<Void> next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    held = false;
                    return;
                }
            }
            // Completed outside the lock: the next holder's work runs inline. A waiter that gave
            // up in the meantime (complete returns false) passes the turn on.
            if (next.complete(null)) {
                return;
            }
        }
    }
}
