package dev.hwbridge.daemon.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

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

    /**
     * The Origin header of the connection's handshake, normalised ({@code scheme://host[:port]}),
     * as the browser set it; empty for a client that sent none (a native app or a script).
     */
    default Optional<String> origin() {
        return Optional.empty();
    }
}
