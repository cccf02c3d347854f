package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.device.Futures;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.rpc.RpcMethod;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A method whose device exchanges are started, not waited for ({@code Device.callAsync}): in its
 * device's queue ({@link QueuedOnDevice}) it holds no thread, neither while it waits for its turn
 * nor while the device works (a prompt the user takes minutes over). Its answer is written from
 * the thread that heard the device's reply.
 */
@FunctionalInterface
interface StartedMethod extends RpcMethod {

    /**
     * Starts the call without blocking.
     *
     * @return completes with the "result" member, or fails with an {@link RpcException}
     * @throws RpcException for params that are refused before anything starts
     */
    CompletableFuture<JsonNode> begin(RpcClient client, JsonNode params) throws RpcException;

    /**
     * Whether a call with these params can be {@link #begin begun}; when not (its work blocks, e.g.
     * a registry write), {@link #call} runs it on a thread in its turn.
     */
    default boolean startsWithoutThread(JsonNode params) {
        return true;
    }

    /** Starts the call and waits for it (a call outside a device's queue). */
    @Override
    default JsonNode call(RpcClient client, JsonNode params) throws RpcException {
        return await(begin(client, params));
    }

    /** Waits for a started call; an interrupt gives up waiting (the call itself goes on) as CANCELLED. */
    static JsonNode await(CompletableFuture<JsonNode> started) throws RpcException {
        try {
            return started.get();
        } catch (InterruptedException e) {
            started.cancel(true);
            Thread.currentThread().interrupt();
            throw new RpcException(dev.hwbridge.daemon.rpc.RpcError.CANCELLED, "the call was cancelled");
        } catch (ExecutionException e) {
            throw DeviceCalls.rpcError(Futures.cause(e));
        }
    }
}
