package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.backup.BackupReader;
import dev.hwbridge.daemon.backup.HwbridgeBackup;
import dev.hwbridge.daemon.backup.InvalidBackupException;
import dev.hwbridge.daemon.backup.ParsedBackup;
import dev.hwbridge.daemon.backup.PolkadotJsExport;
import dev.hwbridge.daemon.registry.AccountRecord;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.rpc.RpcMethod;
import dev.hwbridge.daemon.session.Session;
import dev.hwbridge.daemon.session.SessionManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code backup.export} (public metadata, two formats) and {@code backup.restore} (see {@link Restore}). */
final class BackupMethods implements MethodGroup {

    private static final int MAX_ADDRESSES = BackupReader.MAX_ACCOUNTS;

    private final SessionManager sessions;
    private final Registrations registrations;
    private final SeedFingerprints fingerprints;
    private final Clock clock;

    BackupMethods(SessionManager sessions, Registrations registrations, SeedFingerprints fingerprints, Clock clock) {
        this.sessions = sessions;
        this.registrations = registrations;
        this.fingerprints = fingerprints;
        this.clock = clock;
    }

    @Override
    public Map<String, RpcMethod> methods() {
        Map<String, RpcMethod> methods = new LinkedHashMap<>();
        methods.put("backup.export", this::export);
        methods.put("backup.restore", this::restore);
        return methods;
    }

    /**
     * {@code {format: "hwbridge"|"polkadot-js", addresses?}} → a hwbridge backup document, or a
     * list of polkadot-js hardware account files. Without addresses, every registered account.
     */
    private JsonNode export(RpcClient client, JsonNode raw) throws RpcException {
        Params params = Params.of(raw, Set.of("format", "addresses"));
        String format = params.text("format", 16);
        if (!format.equals(ParsedBackup.HWBRIDGE) && !format.equals(ParsedBackup.POLKADOT_JS)) {
            throw Params.invalid("format", "must be \"hwbridge\" or \"polkadot-js\"");
        }
        List<AccountRecord> accounts = params.has("addresses") ? selected(params) : registrations.registry().list();
        if (format.equals(ParsedBackup.POLKADOT_JS)) {
            return PolkadotJsExport.export(accounts);
        }
        return HwbridgeBackup.export(accounts, null, commonFingerprint(accounts), clock.instant());
    }

    /** {@code {session, document, identity?}} → {@code {restored: [account…], mismatched: [{address, reason}]}}. */
    private JsonNode restore(RpcClient client, JsonNode raw) throws RpcException {
        Params params = Params.of(raw, Set.of("session", "document", "identity"));
        Session session = SessionMethods.session(params, sessions, client);
        JsonNode document = params.node("document");
        String identity = params.optionalText("identity", Fields.MAX_IDENTITY).orElse(null);
        ParsedBackup backup;
        try {
            backup = BackupReader.read(document);
        } catch (InvalidBackupException e) {
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            data.put("pointer", e.pointer());
            throw new RpcException(RpcError.INVALID_BACKUP, "the backup is not valid at " + e.pointer() + ": "
                    + e.getMessage(), data);
        }
        return new Restore(session, client, registrations, fingerprints, clock).run(backup, identity);
    }

    private List<AccountRecord> selected(Params params) throws RpcException {
        JsonNode addresses = params.node("addresses");
        if (!addresses.isArray() || addresses.size() > MAX_ADDRESSES) {
            throw Params.invalid("addresses", "must be a list of at most " + MAX_ADDRESSES + " addresses");
        }
        Set<AccountRecord> chosen = new LinkedHashSet<>();
        for (JsonNode address : addresses) {
            if (!address.isTextual()) {
                throw Params.invalid("addresses", "must hold address strings (SS58, or 0x for ethereum accounts)");
            }
            chosen.add(registrations.registry().find(address.textValue())
                    .orElseThrow(() -> new RpcException(RpcError.UNKNOWN_ACCOUNT,
                            "addresses names an account the registry does not have", Fields.fieldData("addresses"))));
        }
        return new ArrayList<>(chosen);
    }

    /** The one seed fingerprint of the accounts; a backup describes a single seed. */
    private static String commonFingerprint(List<AccountRecord> accounts) throws RpcException {
        Set<String> fingerprints = new LinkedHashSet<>();
        for (AccountRecord account : accounts) {
            fingerprints.add(account.deviceFingerprint());
        }
        if (fingerprints.size() > 1) {
            throw Params.invalid("addresses", "selects accounts of several seeds (or of unknown seeds):"
                    + " export each seed's accounts separately");
        }
        return fingerprints.isEmpty() ? null : fingerprints.iterator().next();
    }
}
