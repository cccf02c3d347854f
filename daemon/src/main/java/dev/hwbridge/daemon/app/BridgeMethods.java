package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.rpc.MethodRegistry;

/**
 * The one place where the daemon's JSON-RPC methods are wired to their implementations (API.md
 * documents each). Device, session, account and backup methods register here too.
 */
public final class BridgeMethods {

    private BridgeMethods() {
    }

    /** Registers every method; resources they open go to {@link DaemonContext#closeOnStop}. */
    public static void registerAll(MethodRegistry registry, DaemonContext ctx) {
        registry.register("bridge.info", (client, params) -> bridgeInfo(ctx));
    }

    /** {@code bridge.info} → {@code {name, version, protocolVersion}}. */
    static ObjectNode bridgeInfo(DaemonContext ctx) {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("name", "hwbridge");
        info.put("version", ctx.version());
        info.put("protocolVersion", DaemonVersion.PROTOCOL_VERSION);
        return info;
    }
}
