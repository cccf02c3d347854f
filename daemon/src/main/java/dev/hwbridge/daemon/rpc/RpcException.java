package dev.hwbridge.daemon.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC error with a stable code. The message is for people and never holds a secret or a
 * payload; clients match on {@link RpcError#code()} or {@link RpcError#name()}.
 */
public final class RpcException extends Exception {

    private final RpcError error;
    private final JsonNode data;

    public RpcException(RpcError error, String message) {
        this(error, message, null);
    }

    /** @param data extra machine-readable detail (e.g. a JSON pointer), or null */
    public RpcException(RpcError error, String message, JsonNode data) {
        super(message);
        this.error = error;
        this.data = data;
    }

    public RpcError error() {
        return error;
    }

    /** Extra detail for the "data" member, or null. */
    public JsonNode data() {
        return data;
    }
}
