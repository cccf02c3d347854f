package dev.hwbridge.daemon.session;

import java.util.Objects;

/** A session that could not be acquired or used; callers match on {@link #error()}. */
public final class SessionException extends Exception {

    private final SessionError error;

    public SessionException(SessionError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public SessionError error() {
        return error;
    }
}
