package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.session.SessionOwner;
import java.util.Objects;

/** A connection as the holder of sessions; equal for the same connection. */
record ClientOwner(RpcClient client) implements SessionOwner {

    ClientOwner {
        Objects.requireNonNull(client, "client");
    }

    static ClientOwner of(RpcClient client) {
        return new ClientOwner(client);
    }

    @Override
    public String id() {
        return client.id();
    }

    @Override
    public void notify(String method, JsonNode params) {
        client.notify(method, params);
    }

    @Override
    public void onClose(Runnable action) {
        client.onClose(action);
    }

    @Override
    public boolean isOpen() {
        return client.isOpen();
    }
}
