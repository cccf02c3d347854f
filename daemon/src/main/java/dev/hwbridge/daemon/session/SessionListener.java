package dev.hwbridge.daemon.session;

/** Hears sessions end, e.g. to drop what was cached for them. Must not block. */
@FunctionalInterface
public interface SessionListener {

    void ended(Session session, EndReason reason);
}
