package dev.hwbridge.daemon.rpc;

/**
 * A stand-in for an unexpected exception, for the log: the same class names and stack traces,
 * without the messages. A library's message may quote its input (Jackson quotes an unrecognised
 * token, which could be a JSON password), and the log must never hold such things.
 */
final class RedactedTrace extends RuntimeException {

    private static final int MAX_CAUSES = 8;

    private RedactedTrace(Throwable original, Throwable cause) {
        super(original.getClass().getName() + " (message withheld)", cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    /** The redacted copy of {@code original} and of its causes, up to a few levels. */
    static RedactedTrace of(Throwable original) {
        return of(original, 0);
    }

    private static RedactedTrace of(Throwable original, int depth) {
        Throwable cause = original.getCause();
        RedactedTrace redactedCause = cause == null || cause == original || depth >= MAX_CAUSES
                ? null : of(cause, depth + 1);
        return new RedactedTrace(original, redactedCause);
    }
}
