package dev.hwbridge.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.backup.Fingerprint;
import dev.hwbridge.daemon.chain.ChainStore;
import dev.hwbridge.daemon.chain.RuntimeCache;
import dev.hwbridge.daemon.device.Replies;
import dev.hwbridge.daemon.registry.AccountRecord;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.testing.TestAccounts;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.message.DerivePublicKeys;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.Messages;
import dev.hwbridge.protocol.message.Request;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** account.* against a scripted device: what is sent, what is registered, what is refused up front. */
class AccountMethodsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final byte[] SEED_KEY = TestAccounts.publicKey(dev.hwbridge.protocol.account.KeyScheme.SR25519, 999);

    @TempDir
    Path dataDir;

    private final Fixture fixture = new Fixture();
    private String session;

    @BeforeEach
    void start() throws Exception {
        fixture.with(new AccountMethods(fixture.sessions, fixture.registrations(dataDir), fixture.fingerprints(), CLOCK))
                .with(new SignMethods(fixture.sessions, fixture.registrations(dataDir).registry(), fixture.fingerprints(),
                        new RuntimeCache(ChainStore.open(dataDir))));
        fixture.plug();
        session = fixture.acquire();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aNamedAccountIsRegisteredWithTheSeedFingerprintDerivedOncePerSession() throws Exception {
        byte[] first = TestAccounts.publicKey(dev.hwbridge.protocol.account.KeyScheme.SR25519, 1);
        byte[] second = TestAccounts.publicKey(dev.hwbridge.protocol.account.KeyScheme.SR25519, 2);
        fixture.device.enqueue(Replies.publicKey(KeyScheme.SR25519, first))
                .enqueue(Replies.publicKey(KeyScheme.SR25519, SEED_KEY))
                .enqueue(Replies.publicKey(KeyScheme.SR25519, second));

        fixture.call("account.derive", derive("//1", "\"name\":\"One\",\"passphrase\":true"));
        fixture.call("account.derive", derive("//2", "\"name\":\"Two\""));

        List<AccountRecord> records = fixture.registrations(dataDir).registry().list();
        assertThat(records).extracting(AccountRecord::name).containsExactly("One", "Two");
        assertThat(records).extracting(AccountRecord::deviceFingerprint).containsOnly(Fingerprint.of(SEED_KEY));
        assertThat(records.get(0).passwordProtected()).isTrue();
        assertThat(records.get(0).publicKey()).isEqualTo(Hex.toHex(first));
        assertThat(records.get(0).createdAt()).isEqualTo(CLOCK.instant());
        Request sent = fixture.device.takeRequest();
        assertThat(sent.getDerivePublicKey().getAskPassword()).isTrue();
        assertThat(sent.getDerivePublicKey().getSs58Format()).isEqualTo(0);
        assertThat(fixture.device.takeRequest().getDerivePublicKey().getPath()).isEqualTo(Fingerprint.RESERVED_PATH);
        assertThat(fixture.device.takeRequest().getDerivePublicKey().getPath()).isEqualTo("//2");
    }

    @Test
    void aKeyOfTheWrongSchemeOrLengthFromTheDeviceIsADeviceError() throws Exception {
        fixture.device.enqueue(Replies.publicKey(KeyScheme.ED25519, SEED_KEY))
                .enqueue(Replies.publicKey(KeyScheme.SR25519, new byte[31]));

        fixture.fails("account.derive", derive("//1", null), RpcError.DEVICE_ERROR);
        fixture.fails("account.derive", derive("//1", null), RpcError.DEVICE_ERROR);
    }

    @Test
    void pathsAreCheckedBeforeTheDeviceIsAsked() throws Exception {
        fixture.fails("account.derive", derive("//a///pw", null), RpcError.INVALID_PATH);
        fixture.fails("account.derive", derive(Fingerprint.RESERVED_PATH, null), RpcError.INVALID_PATH);
        fixture.fails("account.derive", "{\"session\":\"" + session + "\",\"scheme\":\"ed25519\",\"path\":\"//a/soft\","
                + "\"ss58Format\":0}", RpcError.INVALID_PATH);
        fixture.fails("account.discover", "{\"session\":\"" + session + "\",\"scheme\":\"sr25519\",\"pathTemplate\":\"//a\","
                + "\"from\":0,\"count\":2,\"ss58Format\":0}", RpcError.INVALID_PARAMS);
        fixture.fails("account.discover", "{\"session\":\"" + session + "\",\"scheme\":\"sr25519\",\"pathTemplate\":\"//{i}//\","
                + "\"from\":0,\"count\":2,\"ss58Format\":0}", RpcError.INVALID_PATH);
        Fixture.assertInvalidParam(() -> fixture.call("account.derive", "{\"session\":\"" + session
                + "\",\"scheme\":\"sr25519\",\"path\":\"//a\",\"ss58Format\":46}"), "ss58Format");
        Fixture.assertInvalidParam(() -> fixture.call("account.derive", "{\"session\":\"" + session
                + "\",\"scheme\":\"bls\",\"path\":\"//a\",\"ss58Format\":0}"), "scheme");
        Fixture.assertInvalidParam(() -> fixture.call("account.derive", "{\"session\":\"" + session
                + "\",\"scheme\":\"sr25519\",\"path\":\"//a\",\"ss58Format\":0,\"genesisHash\":\"0x12\"}"), "genesisHash");
        fixture.device.enqueue(Replies.success());
        assertThat(fixture.device.takeRequestOrNull()).as("the device was not asked").isNull();
    }

    @Test
    void aPayloadTooLargeForTheDeviceIsRefused() throws Exception {
        String payload = Hex.toHex(new byte[Fields.MAX_PAYLOAD_BYTES + 1]);

        var error = fixture.fails("account.sign", "{\"session\":\"" + session + "\",\"scheme\":\"sr25519\",\"path\":\"//a\","
                + "\"payload\":\"" + payload + "\"}", RpcError.INVALID_PAYLOAD);

        assertThat(error.data().get("field").asText()).isEqualTo("payload");
        assertThat(error.getMessage()).doesNotContain("0x00");
    }

    @Test
    void signingByKeyPrefixesTheSchemeByte() throws Exception {
        byte[] signature = new byte[65];
        signature[0] = 7;
        fixture.device.enqueue(Replies.signature(signature));

        JsonNode signed = fixture.call("account.sign", "{\"session\":\"" + session + "\",\"scheme\":\"ecdsa\",\"path\":\"//a\","
                + "\"payload\":\"0x0102\"}");

        assertThat(signed.get("multiSignature").asText()).isEqualTo("0x0207" + "00".repeat(64));
        Request sent = fixture.device.takeRequest();
        assertThat(sent.getSignPayload().getKind().name()).isEqualTo("TRANSACTION");
        assertThat(sent.getSignPayload().getPayload().toByteArray()).containsExactly(1, 2);
    }

    @Test
    void aSignatureOfTheWrongLengthIsADeviceError() throws Exception {
        fixture.device.enqueue(Replies.signature(new byte[64]));

        fixture.fails("account.sign", "{\"session\":\"" + session + "\",\"scheme\":\"ecdsa\",\"path\":\"//a\","
                + "\"payload\":\"0x0102\"}", RpcError.DEVICE_ERROR);
    }

    @Test
    void discoverAsksForThePageOfKeysInOneExchange() throws Exception {
        List<byte[]> keys = keys(3);
        fixture.device.enqueue(Replies.publicKeys(KeyScheme.SR25519, keys));

        JsonNode found = fixture.call("account.discover", discover("//polkadot//{i}", 2, 3, "\"identity\":\"main\""));

        Request sent = fixture.device.takeRequest();
        assertThat(sent.getDerivePublicKeys().getPathsList()).containsExactly("//polkadot//2", "//polkadot//3", "//polkadot//4");
        assertThat(sent.getDerivePublicKeys().getIdentity()).isEqualTo("main");
        assertThat(sent.getDerivePublicKeys().getScheme()).isEqualTo(KeyScheme.SR25519);
        assertThat(fixture.device.takeRequestOrNull()).as("one exchange for the page").isNull();
        assertFound(found, keys, "//polkadot//", 2);
    }

    @Test
    void discoverAsksKeyByKeyADeviceThatDoesNotKnowPages() throws Exception {
        List<byte[]> keys = keys(2);
        fixture.device.enqueue(Replies.failure(Failure.Code.INVALID_REQUEST))
                .enqueue(Replies.publicKey(KeyScheme.SR25519, keys.get(0)))
                .enqueue(Replies.publicKey(KeyScheme.SR25519, keys.get(1)));

        JsonNode found = fixture.call("account.discover", discover("//{i}", 0, 2, null));

        assertThat(fixture.device.takeRequest().hasDerivePublicKeys()).isTrue();
        assertThat(fixture.device.takeRequest().getDerivePublicKey().getPath()).isEqualTo("//0");
        assertThat(fixture.device.takeRequest().getDerivePublicKey().getPath()).isEqualTo("//1");
        assertFound(found, keys, "//", 0);
    }

    @Test
    void aPageThatDoesNotFitOneFrameIsAskedInSeveralExchanges() throws Exception {
        String template = "//" + "x".repeat(100) + "//{i}";
        int fitting = 0;
        DerivePublicKeys.Builder page = DerivePublicKeys.newBuilder().setScheme(KeyScheme.SR25519);
        while (Request.newBuilder().setDerivePublicKeys(page.addPaths(template.replace("{i}", Integer.toString(fitting))))
                .build().getSerializedSize() <= Messages.MAX_SIZE) {
            fitting++;
        }
        assertThat(fitting).as("two exchanges hold the page").isBetween(50, 99);
        List<byte[]> keys = keys(100);
        fixture.device.enqueue(Replies.publicKeys(KeyScheme.SR25519, keys.subList(0, fitting)))
                .enqueue(Replies.publicKeys(KeyScheme.SR25519, keys.subList(fitting, 100)));

        JsonNode found = fixture.call("account.discover", discover(template, 0, 100, null));

        Request first = fixture.device.takeRequest();
        Request second = fixture.device.takeRequest();
        assertThat(first.getDerivePublicKeys().getPathsCount()).isEqualTo(fitting);
        assertThat(second.getDerivePublicKeys().getPaths(0)).isEqualTo(template.replace("{i}", Integer.toString(fitting)));
        assertThat(second.getSerializedSize()).isLessThanOrEqualTo(Messages.MAX_SIZE);
        assertFound(found, keys, template.replace("{i}", ""), 0);
    }

    @Test
    void aPageOfTheWrongSizeOrSchemeIsADeviceError() throws Exception {
        fixture.device.enqueue(Replies.publicKeys(KeyScheme.SR25519, keys(1)))
                .enqueue(Replies.publicKeys(KeyScheme.ED25519, keys(2)));

        fixture.fails("account.discover", discover("//{i}", 0, 2, null), RpcError.DEVICE_ERROR);
        fixture.fails("account.discover", discover("//{i}", 0, 2, null), RpcError.DEVICE_ERROR);
    }

    private static List<byte[]> keys(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> TestAccounts.publicKey(dev.hwbridge.protocol.account.KeyScheme.SR25519, 100 + i)).toList();
    }

    private static void assertFound(JsonNode found, List<byte[]> keys, String pathPrefix, int from) {
        assertThat(found).hasSize(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            assertThat(found.get(i).get("publicKey").asText()).isEqualTo(Hex.toHex(keys.get(i)));
            assertThat(found.get(i).get("path").asText()).isEqualTo(pathPrefix + (from + i));
            assertThat(found.get(i).get("address").asText())
                    .isEqualTo(TestAccounts.address(dev.hwbridge.protocol.account.KeyScheme.SR25519, keys.get(i), 0));
        }
    }

    private String discover(String template, int from, int count, String extra) {
        return "{\"session\":\"" + session + "\",\"scheme\":\"sr25519\",\"pathTemplate\":\"" + template
                + "\",\"from\":" + from + ",\"count\":" + count + ",\"ss58Format\":0"
                + (extra == null ? "" : "," + extra) + "}";
    }

    private String derive(String path, String extra) {
        return "{\"session\":\"" + session + "\",\"scheme\":\"sr25519\",\"path\":\"" + path + "\",\"ss58Format\":0"
                + (extra == null ? "" : "," + extra) + "}";
    }
}
