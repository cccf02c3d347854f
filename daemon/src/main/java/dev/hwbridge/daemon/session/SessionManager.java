package dev.hwbridge.daemon.session;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.device.Device;
import dev.hwbridge.daemon.device.DeviceListener;
import dev.hwbridge.daemon.device.DeviceManager;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who holds which device. As in trezord-go, {@code acquire} on a held device fails with BUSY unless
 * the caller names the current session as {@code previous}, which takes the device over: the old
 * owner gets a {@code session.ended} notification (reason "stolen") and its call in progress is
 * cancelled. Unlike trezord-go a free device is granted whatever {@code previous} says, since a
 * stale token there harms no one. Sessions end on release, when their connection closes, or when
 * their device goes (the owner is notified, reason "detached").
 *
 * <p>Thread-safe; every change happens under this object's lock, so acquire, takeover and end never
 * interleave.
 */
public final class SessionManager implements DeviceListener {

    /** Notification sent to an owner whose session ended without it asking. */
    public static final String ENDED_NOTIFICATION = "session.ended";

    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

    private final DeviceManager devices;
    private final SessionIds ids;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

    // Guarded by this.
    private final Map<String, Session> byId = new HashMap<>();
    private final Map<String, Session> byDevice = new HashMap<>();
    /** Clients whose close hook is installed; weak so closed connections are not kept. */
    private final Set<SessionOwner> watchedClients = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    public SessionManager(DeviceManager devices, SecureRandom random) {
        this.devices = devices;
        this.ids = new SessionIds(random);
        devices.addListener(this);
    }

    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    /**
     * Gives {@code owner} the device.
     *
     * @param previous the session the caller believes holds the device, or null
     * @throws SessionException DEVICE_GONE for an unknown device, HELD when another session holds
     *                          it and {@code previous} does not name that session, NO_SESSION when
     *                          the owner's connection is already closed
     */
    public Session acquire(String deviceId, String previous, SessionOwner owner) throws SessionException {
        Device device = devices.find(deviceId)
                .orElseThrow(() -> new SessionException(SessionError.DEVICE_GONE, "no device with id " + deviceId));
        Session session;
        Session stolen = null;
        synchronized (this) {
            if (device.isGone()) {
                throw new SessionException(SessionError.DEVICE_GONE, "device " + deviceId + " is gone");
            }
            Session current = byDevice.get(deviceId);
            if (current != null) {
                if (previous == null || !previous.equals(current.id())) {
                    throw new SessionException(SessionError.HELD, "device " + deviceId
                            + " is held by another session; name it as previous to take the device over");
                }
                stolen = current;
                endLocked(current);
            }
            session = new Session(ids.next(), device, owner, this);
            byId.put(session.id(), session);
            byDevice.put(deviceId, session);
        }
        watchClose(owner);
        if (stolen != null) {
            LOG.info("device {} taken over from client {} by client {}", deviceId, stolen.owner().id(), owner.id());
            announceEnd(stolen, EndReason.STOLEN);
        }
        if (!owner.isOpen()) {
            // The connection closed while this call ran; its close hook may have missed the session.
            end(session, EndReason.CLOSED);
            throw new SessionException(SessionError.NO_SESSION, "the connection is closed");
        }
        return session;
    }

    /**
     * The session {@code caller} holds under {@code sessionId}.
     *
     * @throws SessionException NO_SESSION if there is none, it ended, or another connection holds it
     */
    public Session require(String sessionId, SessionOwner caller) throws SessionException {
        Session session;
        synchronized (this) {
            session = byId.get(sessionId);
        }
        if (session == null || !session.owner().equals(caller)) {
            // The same answer for "unknown" and "someone else's": ids are not to be probed.
            throw new SessionException(SessionError.NO_SESSION, "no such session on this connection");
        }
        return session;
    }

    /** Ends {@code caller}'s session; its call in progress, if any, is cancelled. */
    public void release(String sessionId, SessionOwner caller) throws SessionException {
        end(require(sessionId, caller), EndReason.RELEASED);
    }

    /** The id of the session holding {@code deviceId}, if any. */
    public synchronized Optional<String> sessionOf(String deviceId) {
        return Optional.ofNullable(byDevice.get(deviceId)).map(Session::id);
    }

    @Override
    public void attached(Device device) {
        // A new device is free; nothing to do.
    }

    @Override
    public void detached(Device device) {
        Session session;
        synchronized (this) {
            session = byDevice.get(device.id());
        }
        if (session != null) {
            end(session, EndReason.DETACHED);
        }
    }

    /** Ends {@code session} if it is still active; the owner hears of it unless it asked. */
    void end(Session session, EndReason reason) {
        synchronized (this) {
            if (byId.get(session.id()) != session) {
                return;
            }
            endLocked(session);
        }
        announceEnd(session, reason);
    }

    private void endLocked(Session session) {
        byId.remove(session.id());
        byDevice.remove(session.deviceId(), session);
        session.deactivate();
    }

    private void announceEnd(Session session, EndReason reason) {
        if (reason == EndReason.STOLEN || reason == EndReason.DETACHED) {
            ObjectNode params = JsonNodeFactory.instance.objectNode();
            params.put("session", session.id());
            params.put("device", session.deviceId());
            params.put("reason", reason.wireName());
            session.owner().notify(ENDED_NOTIFICATION, params);
        }
        for (SessionListener listener : listeners) {
            listener.ended(session, reason);
        }
    }

    private void watchClose(SessionOwner owner) {
        if (watchedClients.add(owner)) {
            owner.onClose(() -> endAllOf(owner));
        }
    }

    private void endAllOf(SessionOwner owner) {
        List<Session> owned = new ArrayList<>();
        synchronized (this) {
            for (Session session : byId.values()) {
                if (session.owner().equals(owner)) {
                    owned.add(session);
                }
            }
        }
        for (Session session : owned) {
            end(session, EndReason.CLOSED);
        }
    }
}
