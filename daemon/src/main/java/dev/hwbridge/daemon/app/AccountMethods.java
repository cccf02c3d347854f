package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.registry.AccountRecord;
import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.rpc.RpcMethod;
import dev.hwbridge.daemon.session.Session;
import dev.hwbridge.daemon.session.SessionManager;
import dev.hwbridge.protocol.account.DerivationPath;
import dev.hwbridge.protocol.account.EthereumAddress;
import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** {@code account.derive}, {@code account.discover}, {@code account.list} and {@code account.forget}. */
final class AccountMethods implements MethodGroup {

    /** Each derivation costs the device time; a wallet scanning for used accounts asks page by page. */
    static final int MAX_DISCOVER = 100;
    private static final String INDEX = "{i}";

    private final SessionManager sessions;
    private final Registrations registrations;
    private final SeedFingerprints fingerprints;
    private final Clock clock;

    AccountMethods(SessionManager sessions, Registrations registrations, SeedFingerprints fingerprints, Clock clock) {
        this.sessions = sessions;
        this.registrations = registrations;
        this.fingerprints = fingerprints;
        this.clock = clock;
    }

    @Override
    public Map<String, RpcMethod> methods() {
        Map<String, RpcMethod> methods = new LinkedHashMap<>();
        methods.put("account.derive", new Derive());
        methods.put("account.discover", this::discover);
        methods.put("account.list", this::list);
        methods.put("account.forget", this::forget);
        return methods;
    }

    /**
     * {@code {session, scheme, path, ss58Format, identity?, name?, show?, passphrase?, genesisHash?}}
     * → {@code {address, publicKey, scheme, path, ss58Format}}; with a name the account is registered.
     */
    private JsonNode derive(RpcClient client, JsonNode raw) throws RpcException {
        if (EthereumAccounts.asked(raw)) {
            return deriveEthereum(client, raw);
        }
        DeriveParams asked = DeriveParams.of(raw, sessions, client);
        DerivedAccount account = KeyRequests.derive(asked.session(), client, asked.scheme(), asked.path(),
                asked.identity(), asked.passphrase(), asked.show(), asked.prefix());
        if (asked.name() != null) {
            String fingerprint = fingerprints.of(asked.session(), client, asked.identity());
            registrations.put(() -> new AccountRecord(asked.name(), account.address(), Hex.toHex(account.publicKey()),
                    asked.scheme().id(), asked.path(), asked.passphrase(), asked.prefix().value(), asked.genesisHash(),
                    asked.identity().isEmpty() ? null : asked.identity(), fingerprint, clock.instant()));
        }
        return account.toJson();
    }

    /** The params of {@code account.derive} for a Substrate scheme, checked. */
    private record DeriveParams(Session session, KeyScheme scheme, String path, Ss58Prefix prefix, String identity,
                                boolean passphrase, boolean show, String name, String genesisHash) {

        static DeriveParams of(JsonNode raw, SessionManager sessions, RpcClient client) throws RpcException {
            Params params = Params.of(raw, Set.of("session", "scheme", "path", "ss58Format", "identity", "name", "show",
                    "passphrase", "genesisHash"));
            Session session = SessionMethods.session(params, sessions, client);
            KeyScheme scheme = Fields.scheme(params);
            String path = Fields.devicePath(params, "path", scheme);
            Ss58Prefix prefix = Fields.ss58Format(params);
            String identity = Fields.identity(params);
            boolean passphrase = params.flag("passphrase");
            String name = params.optionalText("name", AccountRecord.MAX_NAME_LENGTH).orElse(null);
            String genesisHash = Fields.genesisHash(params);
            return new DeriveParams(session, scheme, path, prefix, identity, passphrase, params.flag("show"), name,
                    genesisHash);
        }
    }

    /**
     * Scheme ethereum: {@code {session, scheme, path, ss58Format?, show?, name?, genesisHash?}} →
     * {@code {address, publicKey, scheme, path}}; with a name the account is registered (its
     * {@code ss58Format}, not used by an Ethereum address, is kept as given, 42 when absent).
     */
    private JsonNode deriveEthereum(RpcClient client, JsonNode raw) throws RpcException {
        Params params = Params.of(raw, Set.of("session", "scheme", "path", "ss58Format", "show", "name", "genesisHash"));
        Session session = SessionMethods.session(params, sessions, client);
        Ss58Prefix prefix = Fields.optionalSs58Format(params);
        String name = params.optionalText("name", AccountRecord.MAX_NAME_LENGTH).orElse(null);
        String genesisHash = Fields.genesisHash(params);
        ObjectNode account = EthereumAccounts.derive(session, client, params.text("path", DerivationPath.MAX_LENGTH),
                "path", params.flag("show"));
        if (name != null) {
            String fingerprint = fingerprints.of(session, client, "");
            registrations.put(() -> new AccountRecord(name, account.get("address").asText(),
                    account.get("publicKey").asText(), AccountRecord.ETHEREUM, account.get("path").asText(), false,
                    prefix.value(), genesisHash, null, fingerprint, clock.instant()));
        }
        return account;
    }

    /**
     * {@code account.derive}: a key that is only derived (no name to register, not an Ethereum
     * key) is started, so no thread waits while the user compares the address on the device.
     */
    private final class Derive implements StartedMethod {

        @Override
        public boolean startsWithoutThread(JsonNode raw) {
            // A name means a registry write (and maybe the seed's fingerprint): blocking work.
            return raw != null && !EthereumAccounts.asked(raw) && !raw.hasNonNull("name");
        }

        @Override
        public CompletableFuture<JsonNode> begin(RpcClient client, JsonNode raw) throws RpcException {
            if (!startsWithoutThread(raw)) {
                return CompletableFuture.completedFuture(derive(client, raw));
            }
            DeriveParams asked = DeriveParams.of(raw, sessions, client);
            return KeyRequests.startDerive(asked.session(), client, asked.scheme(), asked.path(), asked.identity(),
                    asked.passphrase(), asked.show(), asked.prefix())
                    .thenApply(DerivedAccount::toJson);
        }

        @Override
        public JsonNode call(RpcClient client, JsonNode raw) throws RpcException {
            return derive(client, raw);
        }
    }

    /**
     * {@code {session, scheme, pathTemplate, from, count, ss58Format, identity?}} → a list of
     * {@code {address, publicKey, scheme, path, ss58Format}}, {@code {i}} replaced by from … from+count-1.
     */
    private JsonNode discover(RpcClient client, JsonNode raw) throws RpcException {
        Params params = Params.of(raw, Set.of("session", "scheme", "pathTemplate", "from", "count", "ss58Format", "identity"));
        Session session = SessionMethods.session(params, sessions, client);
        if (EthereumAccounts.asked(raw)) {
            String template = params.text("pathTemplate", DerivationPath.MAX_LENGTH);
            if (!template.contains(INDEX)) {
                throw Params.invalid("pathTemplate", "must contain {i}");
            }
            int from = params.integer("from", 0, Integer.MAX_VALUE - MAX_DISCOVER);
            int count = params.integer("count", 1, MAX_DISCOVER);
            List<String> paths = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                paths.add(template.replace(INDEX, Integer.toString(from + i)));
            }
            return EthereumAccounts.deriveAll(session, client, paths);
        }
        KeyScheme scheme = Fields.scheme(params);
        String template = params.text("pathTemplate", DerivationPath.MAX_LENGTH);
        if (!template.contains(INDEX)) {
            throw Params.invalid("pathTemplate", "must contain {i}");
        }
        int from = params.integer("from", 0, Integer.MAX_VALUE - MAX_DISCOVER);
        int count = params.integer("count", 1, MAX_DISCOVER);
        Ss58Prefix prefix = Fields.ss58Format(params);
        String identity = Fields.identity(params);
        List<String> paths = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // Every path is checked before the device is asked for the first key.
            paths.add(Fields.parseDevicePath(template.replace(INDEX, Integer.toString(from + i)), "pathTemplate", scheme));
        }
        ArrayNode accounts = JsonNodeFactory.instance.arrayNode();
        for (DerivedAccount account : KeyRequests.deriveAll(session, client, scheme, paths, identity, prefix)) {
            accounts.add(account.toJson());
        }
        return accounts;
    }

    /** {@code {}} → every registered account. */
    private JsonNode list(RpcClient client, JsonNode raw) throws RpcException {
        Params.of(raw, Set.of());
        ArrayNode accounts = JsonNodeFactory.instance.arrayNode();
        for (AccountRecord record : registrations.registry().list()) {
            accounts.add(AccountJson.of(record));
        }
        return accounts;
    }

    /** {@code {address}} → {@code null}; UNKNOWN_ACCOUNT when the registry does not have it. */
    private JsonNode forget(RpcClient client, JsonNode raw) throws RpcException {
        Params params = Params.of(raw, Set.of("address"));
        String address = address(params, "address");
        if (!registrations.remove(address)) {
            throw new RpcException(RpcError.UNKNOWN_ACCOUNT, "the registry has no account with that address");
        }
        return JsonNodeFactory.instance.nullNode();
    }

    /**
     * A required address: SS58, or the {@code 0x} Ethereum address of an ethereum account (any
     * case; mixed case must be its EIP-55 checksum).
     */
    static String address(Params params, String field) throws RpcException {
        String address = params.text(field, Ss58.MAX_ADDRESS_LENGTH);
        try {
            if (EthereumAddress.isHexForm(address)) {
                EthereumAddress.parse(address);
            } else {
                Ss58.decode(address);
            }
        } catch (FormatException e) {
            throw Params.invalid(field, "is neither an SS58 nor an Ethereum address: " + e.getMessage());
        }
        return address;
    }
}
