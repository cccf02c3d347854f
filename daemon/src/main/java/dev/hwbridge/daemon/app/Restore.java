package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.backup.BackupAccount;
import dev.hwbridge.daemon.backup.ParsedBackup;
import dev.hwbridge.daemon.registry.AccountRecord;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.session.Session;
import dev.hwbridge.protocol.account.DerivationPath;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.protocol.message.Features;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code backup.restore}: checks the device holds a seed, finds the identity whose fingerprint
 * is the backup's, re-derives every account on the device (the device asks for each
 * {@code ///password} itself) and registers those whose key matches. An account that cannot be
 * checked is reported as mismatched with a stable reason:
 * <ul>
 *   <li>{@code differentSeed}: no seed on the device has the backup's fingerprint;</li>
 *   <li>{@code keyDiffers}: the device derives another key at that path (e.g. a wrong password);</li>
 *   <li>{@code noPath}: the backup does not say where the key is (polkadot-js files);</li>
 *   <li>{@code rejected}: the user rejected on the device (e.g. the password prompt);</li>
 *   <li>{@code deviceRefused}: the device refused the path or scheme.</li>
 * </ul>
 * A lost device, a cancel or a lock ends the whole restore with that error instead, and nothing
 * is registered: the accounts that match are registered together at the end, in one write of the
 * registry (one synced write per account made a restore of 100 accounts take over a second).
 */
final class Restore {

    private final Session session;
    private final RpcClient client;
    private final Registrations registrations;
    private final SeedFingerprints fingerprints;
    private final Clock clock;
    private final List<AccountRecord> restored = new ArrayList<>();
    private final ArrayNode mismatched = JsonNodeFactory.instance.arrayNode();

    Restore(Session session, RpcClient client, Registrations registrations, SeedFingerprints fingerprints, Clock clock) {
        this.session = session;
        this.client = client;
        this.registrations = registrations;
        this.fingerprints = fingerprints;
        this.clock = clock;
    }

    /** @param identity the identity to restore onto, or null to find it by the backup's fingerprint */
    JsonNode run(ParsedBackup backup, String identity) throws RpcException {
        Features features = DeviceCalls.features(session, client);
        if (!features.getInitialized()) {
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            data.put("hint", "device.recover");
            throw new RpcException(RpcError.NOT_INITIALIZED, "the device holds no seed: run device.recover with the"
                    + " backup's recovery phrase first, then restore again", data);
        }
        if (features.getLocked()) {
            throw new RpcException(RpcError.LOCKED, "the device is locked: call device.unlock first");
        }
        Seed seed = identity != null ? new Seed(identity, fingerprints.of(session, client, identity))
                : findSeed(features.getIdentitiesList(), backup.fingerprint());
        boolean sameSeed = seed != null && (backup.fingerprint() == null || backup.fingerprint().equals(seed.fingerprint()));
        for (BackupAccount account : backup.accounts()) {
            if (!sameSeed) {
                mismatch(account, "differentSeed");
            } else if (account.path() == null) {
                mismatch(account, "noPath");
            } else {
                check(account, seed);
            }
        }
        registrations.putAll(restored);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode restoredJson = result.putArray("restored");
        restored.forEach(record -> restoredJson.add(AccountJson.of(record)));
        result.set("mismatched", mismatched);
        return result;
    }

    /** An identity ("" for the device's first) and the fingerprint of its seed. */
    private record Seed(String identity, String fingerprint) {
    }

    /**
     * The identity whose seed has {@code wanted} as fingerprint, or null if none has; the first
     * identity when the backup has no fingerprint.
     */
    private Seed findSeed(List<String> identities, String wanted) throws RpcException {
        if (wanted == null || identities.isEmpty()) {
            return new Seed("", fingerprints.of(session, client, ""));
        }
        for (int i = 0; i < identities.size(); i++) {
            String fingerprint = fingerprints.of(session, client, identities.get(i));
            if (wanted.equals(fingerprint)) {
                // The first identity is the default one: recorded as such, it survives a rename.
                return new Seed(i == 0 ? "" : identities.get(i), fingerprint);
            }
        }
        return null;
    }

    private void check(BackupAccount account, Seed seed) throws RpcException {
        String identity = seed.identity();
        String publicKey;
        try {
            publicKey = derivedKey(account, identity);
        } catch (RpcException e) {
            switch (e.error()) {
                case USER_REJECTED -> mismatch(account, "rejected");
                case INVALID_PATH, INVALID_PARAMS -> mismatch(account, "deviceRefused");
                default -> throw e;
            }
            return;
        }
        if (!publicKey.equals(account.publicKey())) {
            mismatch(account, "keyDiffers");
            return;
        }
        restored.add(Registrations.build(() -> new AccountRecord(account.name(), account.address(),
                account.publicKey(), account.scheme(), account.path(), account.passwordProtected(),
                account.ss58Format(), account.genesisHash(), identity.isEmpty() ? null : identity, seed.fingerprint(),
                clock.instant())));
    }

    /** The {@code 0x}-hex key the device derives at the account's path (a Ledger's ethereum key for scheme ethereum). */
    private String derivedKey(BackupAccount account, String identity) throws RpcException {
        if (account.scheme().equals(AccountRecord.ETHEREUM)) {
            return EthereumAccounts.derive(session, client, account.path(), "path", false).get("publicKey").asText();
        }
        KeyScheme scheme = KeyScheme.fromId(account.scheme());
        DerivedAccount derived = KeyRequests.derive(session, client, scheme,
                Fields.parseDevicePath(account.path(), "path", scheme), identity, account.passwordProtected(), false,
                Ss58Prefix.of(account.ss58Format()));
        return Hex.toHex(derived.publicKey());
    }

    private void mismatch(BackupAccount account, String reason) {
        ObjectNode entry = mismatched.addObject();
        entry.put("address", account.address());
        entry.put("reason", reason);
    }
}
