package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.rpc.RpcMethod;
import java.util.concurrent.CompletableFuture;

/**
 * A method that must block before its last device exchange (a registry lookup, metadata to
 * plan, an earlier exchange) but not during it: in its device's queue ({@link QueuedOnDevice}) it
 * runs {@link #prepare} on a thread of the device's own, which is free again once the last
 * exchange is started, so the user's time over the prompt costs no thread.
 */
@FunctionalInterface
interface PreparedMethod extends RpcMethod {

    /**
     * Does the blocking part and starts the last exchange.
     *
     * @return completes with the "result" member, or fails with an {@link RpcException}
     */
    CompletableFuture<JsonNode> prepare(RpcClient client, JsonNode params) throws RpcException;

    /** Prepares the call and waits for it (a call outside a device's queue). */
    @Override
    default JsonNode call(RpcClient client, JsonNode params) throws RpcException {
        return StartedMethod.await(prepare(client, params));
    }
}
