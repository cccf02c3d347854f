package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.rpc.RpcMethod;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A method that only reads what the daemon holds in memory (no file, no device, no lock held for
 * long), answered on the I/O loop as it arrives: the calls a wallet polls ({@code bridge.info},
 * {@code device.list}) then need no worker thread, neither the hand-over to one nor one kept
 * alive between polls.
 */
final class OnIoLoop implements RpcMethod {

    private final RpcMethod body;

    OnIoLoop(RpcMethod body) {
        this.body = Objects.requireNonNull(body, "body");
    }

    @Override
    public JsonNode call(RpcClient client, JsonNode params) throws RpcException {
        return body.call(client, params);
    }

    @Override
    public Optional<CompletableFuture<JsonNode>> startWithoutBlocking(RpcClient client, JsonNode params)
            throws RpcException {
        return Optional.of(CompletableFuture.completedFuture(body.call(client, params)));
    }
}
