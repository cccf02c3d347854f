package dev.hwbridge.daemon.device;

import dev.hwbridge.daemon.transport.DeviceChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out one {@link ScriptedConnection} per device path. Every connection answers the
 * GetFeatures the manager sends on attach first, unless the test says otherwise.
 */
public final class ScriptedConnector implements Connector {

    private final Map<String, ScriptedConnection> byPath = new ConcurrentHashMap<>();

    /** The connection the next open of {@code path} gets. */
    public ScriptedConnection connectionFor(String path) {
        return byPath.computeIfAbsent(path, p -> new ScriptedConnection());
    }

    @Override
    public DeviceConnection connect(DeviceChannel channel) throws DeviceException {
        ScriptedConnection connection = byPath.get(channel.descriptor().path());
        if (connection == null) {
            throw new DeviceException(DeviceError.FAILED, "no connection scripted for " + channel.descriptor().path());
        }
        return connection;
    }
}
