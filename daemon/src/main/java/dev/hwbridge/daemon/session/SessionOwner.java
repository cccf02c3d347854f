package dev.hwbridge.daemon.session;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who holds a session: one client connection, as sessions need it. Declared here, beside its
 * consumer; the API layer adapts its connections. Two owners are the same connection exactly when
 * they are {@code equals}. Thread-safe.
 */
public interface SessionOwner {

    /** Unique for the daemon's lifetime, for the log. */
    String id();

    /** Tells the connection something happened to its session; dropped once it is closed. */
    void notify(String method, JsonNode params);

    /** Runs {@code action} once when the connection closes (at once if it already has). */
    void onClose(Runnable action);

    boolean isOpen();
}
