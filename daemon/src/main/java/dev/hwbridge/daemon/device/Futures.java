package dev.hwbridge.daemon.device;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Small helpers for the futures the device layer hands around. */
public final class Futures {

    private Futures() {
    }

    /** The failure itself, not the CompletionException (or ExecutionException) a chained stage wrapped it in. */
    public static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
