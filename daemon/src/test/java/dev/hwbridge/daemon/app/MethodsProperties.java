package dev.hwbridge.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.chain.ChainStore;
import dev.hwbridge.daemon.chain.RuntimeCache;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.rpc.RpcMethod;
import dev.hwbridge.daemon.testing.JsonJunk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Every method fed junk params answers a result or a typed JSON-RPC error, never another exception. */
class MethodsProperties {

    private static final List<String> NAMES = List.of("session", "device", "previous", "scheme", "path", "ss58Format",
            "identity", "name", "show", "passphrase", "genesisHash", "pathTemplate", "from", "count", "payload",
            "address", "signerPayload", "password", "json", "format", "addresses", "document", "wordCount", "label", "data");
    private static final List<String> FIXED_STRINGS = List.of("sr25519", "ed25519", "ecdsa", "//polkadot", "//a///b", "{i}",
            "//{i}", "0x", "0x00", "hwbridge", "polkadot-js", "1", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");

    private static Fixture fixture;
    private static Path dataDir;
    private static Map<String, RpcMethod> methods;
    private static List<String> strings;

    @BeforeContainer
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("hwbridge-junk");
        fixture = new Fixture();
        // Junk that gets past the session check reaches a device that refuses every request.
        fixture.device.otherwise(dev.hwbridge.daemon.device.Replies.failure(
                dev.hwbridge.protocol.message.Failure.Code.INVALID_REQUEST));
        fixture.plug();
        strings = new java.util.ArrayList<>(FIXED_STRINGS);
        strings.add(fixture.acquire());
        Registrations registrations = fixture.registrations(dataDir);
        SeedFingerprints fingerprints = fixture.fingerprints();
        ChainStore chains = ChainStore.open(dataDir);
        methods = new LinkedHashMap<>();
        for (MethodGroup group : List.of(
                new SessionMethods(fixture.sessions),
                new DeviceMethods(fixture.devices, fixture.sessions, fixture.events, fingerprints::forget),
                new AccountMethods(fixture.sessions, registrations, fingerprints, Clock.systemUTC()),
                new SignMethods(fixture.sessions, registrations.registry(), fingerprints,
                        new RuntimeCache(chains)),
                new EncryptedJsonMethods(fixture.sessions, fingerprints),
                new BackupMethods(fixture.sessions, registrations, fingerprints, Clock.systemUTC()),
                new ChainMethods(chains, Clock.systemUTC()))) {
            methods.putAll(group.methods());
        }
    }

    @AfterContainer
    static void stop() throws Exception {
        fixture.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Property(tries = 600)
    void junkParamsGiveAResultOrATypedError(@ForAll("methodNames") String method, @ForAll("params") JsonNode params) {
        try {
            JsonNode result = methods.get(method).call(fixture.client, params);
            assertThat(result).isNotNull();
        } catch (RpcException e) {
            assertThat(e.error()).isNotIn(RpcError.INTERNAL_ERROR, RpcError.PARSE_ERROR, RpcError.INVALID_REQUEST);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> methodNames() {
        return Arbitraries.of(List.of("session.acquire", "session.release", "device.list", "device.subscribe",
                "device.features", "device.unlock", "device.setup", "device.recover", "device.wipe", "account.derive",
                "account.discover", "account.list", "account.forget", "account.sign", "account.exportEncrypted",
                "account.importEncrypted", "backup.export", "backup.restore"));
    }

    @Provide
    Arbitrary<JsonNode> params() {
        Arbitrary<JsonNode> objects = Arbitraries.maps(Arbitraries.of(NAMES), JsonJunk.values(NAMES, strings))
                .ofMaxSize(6).map(map -> {
                    ObjectNode object = Fixture.JSON.createObjectNode();
                    map.forEach(object::set);
                    return object;
                });
        return Arbitraries.oneOf(objects, objects, objects, JsonJunk.values(NAMES, strings));
    }
}
