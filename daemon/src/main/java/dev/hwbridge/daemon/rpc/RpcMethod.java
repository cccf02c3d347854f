package dev.hwbridge.daemon.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON-RPC method. Called on a worker thread, never on a Netty event loop, so it may block
 * for as long as the user takes on the device; it must give up promptly when its thread is
 * interrupted (the caller disconnected or cancelled).
 */
@FunctionalInterface
public interface RpcMethod {

    /**
     * @param client the connection that called
     * @param params the "params" member: an object, or {@code NullNode} when absent
     * @return the "result" member (never null; use {@code NullNode} for none)
     */
    JsonNode call(RpcClient client, JsonNode params) throws RpcException;
}
