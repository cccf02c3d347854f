package dev.hwbridge.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.backup.Fingerprint;
import dev.hwbridge.daemon.backup.HwbridgeBackup;
import dev.hwbridge.daemon.device.Replies;
import dev.hwbridge.daemon.registry.AccountRecord;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.testing.TestAccounts;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.InputRequest;
import dev.hwbridge.protocol.message.Request;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup.restore against a scripted device: every reason an account can fail to match. */
class RestoreTest {

    private static final byte[] SEED_KEY = TestAccounts.publicKey(KeyScheme.SR25519, 999);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private final Fixture fixture = new Fixture();
    private String session;

    @BeforeEach
    void start() throws Exception {
        fixture.with(new BackupMethods(fixture.sessions, fixture.registrations(dataDir), fixture.fingerprints(), CLOCK));
        fixture.plug();
        session = fixture.acquire();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void eachAccountIsMatchedOrMismatchedWithItsReason() throws Exception {
        AccountRecord matching = TestAccounts.record(KeyScheme.SR25519, 1);
        AccountRecord differing = TestAccounts.record(KeyScheme.ED25519, 2);
        AccountRecord rejected = withPassword(TestAccounts.record(KeyScheme.SR25519, 3));
        AccountRecord refused = TestAccounts.record(KeyScheme.ECDSA, 4);
        JsonNode backup = HwbridgeBackup.export(List.of(matching, differing, rejected, refused), "Mine",
                Fingerprint.of(SEED_KEY), CLOCK.instant());
        fixture.device.enqueue(Replies.features("Mine", true, false, List.of("default")))
                .enqueue(key(KeyScheme.SR25519, SEED_KEY))
                .enqueue(key(KeyScheme.SR25519, Hex.fromHex(matching.publicKey())))
                .enqueue(key(KeyScheme.ED25519, TestAccounts.publicKey(KeyScheme.ED25519, 77)))
                .enqueue(Replies.failure(Failure.Code.USER_REJECTED), Replies.input(InputRequest.Kind.PASSWORD, "Password"))
                .enqueue(Replies.failure(Failure.Code.UNSUPPORTED_SCHEME));

        JsonNode result = fixture.call("backup.restore", "{\"session\":\"" + session + "\",\"document\":" + backup + "}");

        assertThat(result.get("restored")).as(result.toString()).hasSize(1);
        assertThat(result.get("restored").get(0).get("address").asText()).isEqualTo(matching.address());
        assertThat(result.get("restored").get(0).get("identity").isNull()).as("the default identity").isTrue();
        assertThat(result.get("mismatched").toString()).isEqualTo("[{\"address\":\"" + differing.address()
                + "\",\"reason\":\"keyDiffers\"},{\"address\":\"" + rejected.address() + "\",\"reason\":\"rejected\"},"
                + "{\"address\":\"" + refused.address() + "\",\"reason\":\"deviceRefused\"}]");
        assertThat(fixture.registrations(dataDir).registry().list()).extracting(AccountRecord::address)
                .containsExactly(matching.address());
        fixture.device.takeRequest();
        assertThat(fixture.device.takeRequest().getDerivePublicKey().getPath()).isEqualTo(Fingerprint.RESERVED_PATH);
        assertThat(fixture.device.takeRequest().getDerivePublicKey().getAskPassword()).isFalse();
        fixture.device.takeRequest();
        Request asked = fixture.device.takeRequest();
        assertThat(asked.getDerivePublicKey().getAskPassword()).isTrue();
        assertThat(asked.getDerivePublicKey().getPath()).isEqualTo(rejected.path());
    }

    @Test
    void theSeedIsFoundAmongTheIdentitiesByItsFingerprint() throws Exception {
        AccountRecord account = TestAccounts.record(KeyScheme.SR25519, 5);
        JsonNode backup = HwbridgeBackup.export(List.of(account), null, Fingerprint.of(SEED_KEY), CLOCK.instant());
        fixture.device.enqueue(Replies.features("Mine", true, false, List.of("default", "travel")))
                .enqueue(key(KeyScheme.SR25519, TestAccounts.publicKey(KeyScheme.SR25519, 1000)))
                .enqueue(key(KeyScheme.SR25519, SEED_KEY))
                .enqueue(key(KeyScheme.SR25519, Hex.fromHex(account.publicKey())));

        JsonNode result = fixture.call("backup.restore", "{\"session\":\"" + session + "\",\"document\":" + backup + "}");

        assertThat(result.get("restored").get(0).get("identity").asText()).isEqualTo("travel");
        fixture.device.takeRequest();
        assertThat(fixture.device.takeRequest().getDerivePublicKey().getIdentity()).isEqualTo("default");
        assertThat(fixture.device.takeRequest().getDerivePublicKey().getIdentity()).isEqualTo("travel");
        assertThat(fixture.device.takeRequest().getDerivePublicKey().getIdentity()).isEqualTo("travel");
    }

    @Test
    void aLockedDeviceMustBeUnlockedFirst() throws Exception {
        JsonNode backup = HwbridgeBackup.export(List.of(TestAccounts.record(KeyScheme.SR25519, 1)), null,
                Fingerprint.of(SEED_KEY), CLOCK.instant());
        fixture.device.enqueue(Replies.features("Mine", true, true, List.of()));

        fixture.fails("backup.restore", "{\"session\":\"" + session + "\",\"document\":" + backup + "}", RpcError.LOCKED);
    }

    @Test
    void anInvalidDocumentIsRefusedBeforeTheDeviceIsAsked() throws Exception {
        var error = fixture.fails("backup.restore", "{\"session\":\"" + session + "\",\"document\":{\"format\":\"other\"}}",
                RpcError.INVALID_BACKUP);

        assertThat(error.data().get("pointer").asText()).isEqualTo("/format");
    }

    @Test
    void exportRefusesAccountsOfSeveralSeedsAndUnknownAddresses() throws Exception {
        AccountRecord one = TestAccounts.record(KeyScheme.SR25519, 1);
        AccountRecord other = new AccountRecord("other", TestAccounts.record(KeyScheme.SR25519, 2).address(),
                TestAccounts.record(KeyScheme.SR25519, 2).publicKey(), "sr25519", "//2", false, 0, null, null,
                Fingerprint.of(SEED_KEY), CLOCK.instant());
        fixture.registrations(dataDir).registry().put(one);
        fixture.registrations(dataDir).registry().put(other);

        var mixed = fixture.fails("backup.export", "{\"format\":\"hwbridge\"}", RpcError.INVALID_PARAMS);
        JsonNode single = fixture.call("backup.export", "{\"format\":\"hwbridge\",\"addresses\":[\"" + other.address() + "\"]}");
        fixture.fails("backup.export", "{\"format\":\"hwbridge\",\"addresses\":[\""
                + TestAccounts.record(KeyScheme.SR25519, 3).address() + "\"]}", RpcError.UNKNOWN_ACCOUNT);
        fixture.fails("backup.export", "{\"format\":\"csv\"}", RpcError.INVALID_PARAMS);

        assertThat(mixed.data().get("field").asText()).isEqualTo("addresses");
        assertThat(single.get("device").get("fingerprint").asText()).isEqualTo(Fingerprint.of(SEED_KEY));
        assertThat(single.get("accounts")).hasSize(1);
    }

    private static AccountRecord withPassword(AccountRecord record) {
        return new AccountRecord(record.name(), record.address(), record.publicKey(), record.scheme(), record.path(), true,
                record.ss58Format(), record.genesisHash(), record.identity(), record.deviceFingerprint(), record.createdAt());
    }

    private static dev.hwbridge.protocol.message.Response key(KeyScheme scheme, byte[] key) {
        return Replies.publicKey(dev.hwbridge.protocol.message.KeySchemes.toProto(scheme), key);
    }
}
