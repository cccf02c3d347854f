package dev.hwbridge.daemon.session;

import dev.hwbridge.daemon.device.Device;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.util.function.Consumer;

/**
 * One connection's exclusive use of one device, from acquire until it ends (see {@link EndReason}).
 * Calls made through an ended session fail with NO_SESSION. Thread-safe.
 */
public final class Session {

    private final String id;
    private final Device device;
    private final RpcClient owner;
    private final SessionManager manager;
    private volatile boolean active = true;

    Session(String id, Device device, RpcClient owner, SessionManager manager) {
        this.id = id;
        this.device = device;
        this.owner = owner;
        this.manager = manager;
    }

    public String id() {
        return id;
    }

    public String deviceId() {
        return device.id();
    }

    public RpcClient owner() {
        return owner;
    }

    public boolean isActive() {
        return active;
    }

    /**
     * Runs one exchange on the device, after any call ahead of it. A DEVICE_GONE ends the session,
     * as an unplug does.
     *
     * @return the final reply, possibly a {@code Failure}
     */
    public Response call(Request request, Consumer<Response> interim) throws RpcException {
        if (!active) {
            throw new RpcException(RpcError.NO_SESSION, "the session has ended");
        }
        try {
            return device.call(request, interim, this::isActive);
        } catch (RpcException e) {
            if (e.error() == RpcError.DEVICE_GONE) {
                manager.end(this, EndReason.DETACHED);
            }
            throw e;
        }
    }

    /** Marks the session ended and cancels its call in progress; true if it was active. */
    boolean deactivate() {
        if (!active) {
            return false;
        }
        active = false;
        device.cancel();
        return true;
    }

    @Override
    public String toString() {
        // The id is left out: it lets its holder take the device over.
        return "Session[device " + device.id() + ", client " + owner.id() + "]";
    }
}
