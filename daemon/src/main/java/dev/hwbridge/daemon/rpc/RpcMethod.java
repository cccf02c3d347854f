package dev.hwbridge.daemon.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One JSON-RPC method. Started on a worker thread, unless {@link #startWithoutBlocking} starts it
 * on the I/O loop (a call queued for its device, or one that only reads memory). A method that
 * waits for a device overrides {@link #start} so that its call waits in the device's queue
 * without holding the worker; {@link #call} may block, and must give up promptly when its thread
 * is interrupted (the caller disconnected or cancelled).
 */
@FunctionalInterface
public interface RpcMethod {

    /**
     * @param client the connection that called
     * @param params the "params" member: an object, or {@code NullNode} when absent
     * @return the "result" member (never null; use {@code NullNode} for none)
     */
    JsonNode call(RpcClient client, JsonNode params) throws RpcException;

    /**
     * Starts the call; the dispatcher uses this. The future completes with the result, an
     * {@link RpcException}, or is cancelled when the connection closes (which must stop the work:
     * a waiting call leaves its queue, a running one is interrupted).
     *
     * @return by default {@link #call} run on the calling worker, already complete
     */
    default CompletableFuture<JsonNode> start(RpcClient client, JsonNode params) throws RpcException {
        return CompletableFuture.completedFuture(call(client, params));
    }

    /**
     * Starts the call on the connection's I/O thread, if it can be started there without blocking
     * (e.g. queued for a device); the dispatcher then needs no worker for it. The future is as
     * {@link #start}'s.
     *
     * @return empty when the call must start on a worker (the default)
     */
    default Optional<CompletableFuture<JsonNode>> startWithoutBlocking(RpcClient client, JsonNode params)
            throws RpcException {
        return Optional.empty();
    }
}
