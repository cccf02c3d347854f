package dev.hwbridge.daemon.rpc;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The JSON-RPC methods the daemon offers, by name. Thread-safe: methods are registered while the
 * daemon starts and looked up by every call.
 */
public final class MethodRegistry {

    /** Dotted lower-camel names such as {@code device.list}; "rpc." is reserved by JSON-RPC 2.0. */
    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)+");

    private final Map<String, RpcMethod> methods = new ConcurrentHashMap<>();

    /**
     * Adds a method.
     *
     * @throws IllegalArgumentException if the name is malformed, reserved or already taken
     */
    public void register(String name, RpcMethod method) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        if (!NAME.matcher(name).matches() || name.startsWith("rpc.")) {
            throw new IllegalArgumentException("not a valid method name: " + name);
        }
        if (methods.putIfAbsent(name, method) != null) {
            throw new IllegalArgumentException("method already registered: " + name);
        }
    }

    /** The method of that name, if any. */
    public Optional<RpcMethod> lookup(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(methods.get(name));
    }

    /** Every registered name, sorted. */
    public Set<String> names() {
        return new TreeSet<>(methods.keySet());
    }
}
