package dev.hwbridge.daemon.session;

import dev.hwbridge.daemon.device.Device;
import dev.hwbridge.daemon.device.DeviceError;
import dev.hwbridge.daemon.device.DeviceException;
import dev.hwbridge.daemon.device.Futures;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One connection's exclusive use of one device, from acquire until it ends (see {@link EndReason}).
 * Calls made through an ended session fail with NO_SESSION. Thread-safe.
 */
public final class Session {

    private final String id;
    private final Device device;
    private final SessionOwner owner;
    private final SessionManager manager;
    private volatile boolean active = true;

    Session(String id, Device device, SessionOwner owner, SessionManager manager) {
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

    /** The device, to queue work that uses it ({@link Device#submit}). */
    public Device device() {
        return device;
    }

    public SessionOwner owner() {
        return owner;
    }

    public boolean isActive() {
        return active;
    }

    /**
     * Runs one exchange on the device, after any call ahead of it. A device that is gone ends the
     * session, as an unplug does.
     *
     * @return the final reply, possibly a {@code Failure}
     * @throws SessionException NO_SESSION when the session has ended
     * @throws DeviceException  what the device layer reports (NOT_WANTED when the session ended
     *                          while the call waited)
     */
    public Response call(Request request, Consumer<Response> interim) throws SessionException, DeviceException {
        if (!active) {
            throw new SessionException(SessionError.NO_SESSION, "the session has ended");
        }
        try {
            return device.call(request, interim, this::isActive);
        } catch (DeviceException e) {
            if (e.error() == DeviceError.GONE) {
                manager.end(this, EndReason.DETACHED);
            }
            throw e;
        }
    }

    /**
     * As {@link #call}, started: the future completes with the final reply or fails with a
     * {@link SessionException} or {@link DeviceException}; no thread waits for the device.
     *
     * @param interim told each interim reply, on the thread that heard it
     */
    public CompletableFuture<Response> callAsync(Request request, Consumer<Response> interim) {
        if (!active) {
            return CompletableFuture.failedFuture(new SessionException(SessionError.NO_SESSION, "the session has ended"));
        }
        CompletableFuture<Response> result = new CompletableFuture<>();
        device.callAsync(request, interim, this::isActive).whenComplete((reply, failure) -> {
            if (failure == null) {
                result.complete(reply);
                return;
            }
            Throwable cause = Futures.cause(failure);
            if (cause instanceof DeviceException e && e.error() == DeviceError.GONE) {
                manager.end(this, EndReason.DETACHED);
            }
            result.completeExceptionally(cause);
        });
        return result;
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
