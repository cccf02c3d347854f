package dev.hwbridge.daemon.app;

import dev.hwbridge.daemon.rpc.RpcMethod;
import java.util.Map;

/** A few related JSON-RPC methods, by name, ready to register. */
interface MethodGroup {

    /** Method name to implementation, in the order API.md lists them. */
    Map<String, RpcMethod> methods();
}
