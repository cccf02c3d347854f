package dev.hwbridge.daemon.app;

import dev.hwbridge.daemon.backup.Fingerprint;
import dev.hwbridge.daemon.device.DeviceInfo;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.session.EndReason;
import dev.hwbridge.daemon.session.Session;
import dev.hwbridge.daemon.session.SessionListener;
import dev.hwbridge.daemon.session.SessionManager;
import dev.hwbridge.protocol.account.DerivationPath;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58Prefix;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Fingerprint} of each seed (identity) a session has used, derived once on the device
 * and kept until the session ends or a flow (setup, recover, wipe, import) may have changed the
 * seeds. Thread-safe.
 */
final class SeedFingerprints implements SessionListener {

    private static final DerivationPath RESERVED = DerivationPath.parse(Fingerprint.RESERVED_PATH);

    /** Session id → identity ("" for the device's first) → fingerprint. */
    private final Map<String, Map<String, String>> bySession = new ConcurrentHashMap<>();

    SeedFingerprints(SessionManager sessions) {
        sessions.addListener(this);
    }

    /** The fingerprint of {@code identity}'s seed; asks the device the first time (no prompt). */
    String of(Session session, RpcClient caller, String identity) throws RpcException {
        Map<String, String> known = bySession.computeIfAbsent(session.id(), id -> new ConcurrentHashMap<>());
        String cached = known.get(identity);
        if (cached != null) {
            return cached;
        }
        // A Ledger has no sr25519: its fingerprint key is ed25519 at a reserved Ledger path.
        DerivedAccount key = session.device().info().kind().equals(DeviceInfo.LEDGER)
                ? KeyRequests.derive(session, caller, KeyScheme.ED25519, Fingerprint.LEDGER_RESERVED_PATH, identity,
                        false, false, Ss58Prefix.SUBSTRATE)
                : KeyRequests.derive(session, caller, KeyScheme.SR25519, RESERVED.toString(), identity,
                        false, false, Ss58Prefix.SUBSTRATE);
        String fingerprint = Fingerprint.of(key.publicKey());
        if (session.isActive()) {
            known.put(identity, fingerprint);
        }
        return fingerprint;
    }

    /** Forgets what {@code session} learned: its device's seeds may have changed. */
    void forget(Session session) {
        bySession.remove(session.id());
    }

    @Override
    public void ended(Session session, EndReason reason) {
        bySession.remove(session.id());
    }
}
