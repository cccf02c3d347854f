package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.device.Device;
import dev.hwbridge.daemon.device.DeviceListener;
import dev.hwbridge.daemon.device.DeviceManager;
import dev.hwbridge.daemon.rpc.RpcClient;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends {@code device.attached} and {@code device.detached} to every connection that called
 * {@code device.subscribe}, until it closes. Both carry the device's list entry (its session is
 * null on detach: the session ended with the device). Thread-safe.
 */
final class DeviceEvents implements DeviceListener {

    static final String ATTACHED = "device.attached";
    static final String DETACHED = "device.detached";

    private final Set<RpcClient> subscribers = ConcurrentHashMap.newKeySet();

    DeviceEvents(DeviceManager devices) {
        devices.addListener(this);
    }

    /** Idempotent. */
    void subscribe(RpcClient client) {
        if (subscribers.add(client)) {
            client.onClose(() -> subscribers.remove(client));
        }
    }

    @Override
    public void attached(Device device) {
        send(ATTACHED, DeviceJson.entry(device, Optional.empty()));
    }

    @Override
    public void detached(Device device) {
        send(DETACHED, DeviceJson.entry(device, Optional.empty()));
    }

    private void send(String method, ObjectNode params) {
        for (RpcClient client : subscribers) {
            client.notify(method, params);
        }
    }
}
