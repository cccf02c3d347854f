package dev.hwbridge.daemon.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The WebSocket connection a call came from, as methods see it. Thread-safe.
 */
public interface RpcClient {

    /** Unique for the daemon's lifetime, e.g. {@code "c7"}. */
    String id();

    /** Sends a JSON-RPC notification to this connection; dropped silently once it is closed. */
    void notify(String method, JsonNode params);

    /** Runs {@code action} once when the connection closes (at once if it already has). */
    void onClose(Runnable action);

    boolean isOpen();
}
