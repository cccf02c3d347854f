package dev.hwbridge.daemon.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.registry.AccountRecord;
import dev.hwbridge.daemon.testing.TestAccounts;
import dev.hwbridge.protocol.account.KeyScheme;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class HwbridgeBackupTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FINGERPRINT = "0x" + "5e".repeat(32);
    private static final Instant NOW = Instant.parse("2025-06-07T08:09:10.123456Z");

    static JsonNode schema() throws IOException {
        try (InputStream in = HwbridgeBackup.class.getResourceAsStream(HwbridgeBackup.SCHEMA_RESOURCE)) {
            assertThat(in).as("schema on the classpath").isNotNull();
            return MAPPER.readTree(in);
        }
    }

    @Test
    void exportHasExactlyTheDocumentedShape() throws IOException {
        AccountRecord sr = TestAccounts.record(KeyScheme.SR25519, 1);
        byte[] ecdsaKey = TestAccounts.publicKey(KeyScheme.ECDSA, 2);
        AccountRecord ecdsa = new AccountRecord("cold", TestAccounts.address(KeyScheme.ECDSA, ecdsaKey, 2),
                hex(ecdsaKey), "ecdsa", "//kusama", true, 2, null, "second", FINGERPRINT, NOW);

        ObjectNode document = HwbridgeBackup.export(List.of(sr, ecdsa), "My signer", FINGERPRINT, NOW);

        String expected = "{\"format\":\"hwbridge-backup\",\"version\":2,\"createdAt\":\"2025-06-07T08:09:10.123Z\","
                + "\"device\":{\"label\":\"My signer\",\"fingerprint\":\"" + FINGERPRINT + "\"},"
                + "\"accounts\":["
                + "{\"name\":\"account 1\",\"address\":\"" + sr.address() + "\",\"publicKey\":\"" + sr.publicKey()
                + "\",\"scheme\":\"sr25519\",\"path\":\"//polkadot//1\",\"passwordProtected\":false,"
                + "\"ss58Format\":0,\"genesisHash\":\"" + TestAccounts.POLKADOT_GENESIS + "\"},"
                + "{\"name\":\"cold\",\"address\":\"" + ecdsa.address() + "\",\"publicKey\":\"" + ecdsa.publicKey()
                + "\",\"scheme\":\"ecdsa\",\"path\":\"//kusama\",\"passwordProtected\":true,"
                + "\"ss58Format\":2,\"genesisHash\":null}]}";
        assertThat(MAPPER.writeValueAsString(document)).isEqualTo(expected);
    }

    @Test
    void unknownLabelAndFingerprintAreNull() {
        ObjectNode document = HwbridgeBackup.export(List.of(), null, null, NOW);

        assertThat(document.get("device").get("label").isNull()).isTrue();
        assertThat(document.get("device").get("fingerprint").isNull()).isTrue();
        assertThat(document.get("accounts").isEmpty()).isTrue();
    }

    @Test
    void malformedFingerprintOrLabelIsAProgrammingError() {
        assertThatThrownBy(() -> HwbridgeBackup.export(List.of(), null, "0x1234", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HwbridgeBackup.export(List.of(), "x".repeat(257), null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void schemaIsDraft202012AndUsesOnlyKeywordsTheCheckUnderstands() throws IOException {
        JsonNode schema = schema();

        assertThat(schema.get("$schema").textValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        List<String> unknown = new ArrayList<>(MiniSchema.keywords(schema));
        unknown.removeAll(MiniSchema.VALIDATING);
        unknown.removeAll(MiniSchema.ANNOTATIONS);
        assertThat(unknown).isEmpty();
    }

    @Test
    void schemaRefusesDocumentsThatBreakIt() throws IOException {
        JsonNode schema = schema();
        ObjectNode valid = HwbridgeBackup.export(List.of(TestAccounts.record(KeyScheme.SR25519, 1)), "l",
                FINGERPRINT, NOW);
        assertThat(MiniSchema.violations(schema, valid)).isEmpty();

        ObjectNode noAccounts = valid.deepCopy();
        noAccounts.remove("accounts");
        ObjectNode wrongVersion = valid.deepCopy();
        wrongVersion.put("version", 3);
        ObjectNode extra = valid.deepCopy();
        extra.put("secret", "x");
        ObjectNode badPath = valid.deepCopy();
        ((ObjectNode) badPath.get("accounts").get(0)).put("path", "//a///pw");
        ObjectNode reservedPrefix = valid.deepCopy();
        ((ObjectNode) reservedPrefix.get("accounts").get(0)).put("ss58Format", 46);
        ObjectNode badScheme = valid.deepCopy();
        ((ObjectNode) badScheme.get("accounts").get(0)).put("scheme", "secp256r1");
        ObjectNode ethereumSs58 = HwbridgeBackup.export(List.of(TestAccounts.ethereumRecord("Moonbeam")), "l",
                FINGERPRINT, NOW);
        ((ObjectNode) ethereumSs58.get("accounts").get(0)).put("address", TestAccounts.record(KeyScheme.SR25519, 1).address());

        assertThat(MiniSchema.violations(schema, noAccounts)).containsExactly("/accounts required");
        assertThat(MiniSchema.violations(schema, wrongVersion)).containsExactly("/version enum");
        assertThat(MiniSchema.violations(schema, extra)).containsExactly("/secret additionalProperties");
        assertThat(MiniSchema.violations(schema, badPath)).containsExactly("/accounts/0/path pattern");
        assertThat(MiniSchema.violations(schema, reservedPrefix)).containsExactly("/accounts/0/ss58Format not");
        assertThat(MiniSchema.violations(schema, badScheme)).containsExactly("/accounts/0/scheme enum");
        assertThat(MiniSchema.violations(schema, ethereumSs58)).containsExactly("/accounts/0/address pattern");
    }

    @Test
    void anEthereumAccountsExportMatchesTheSchema() throws IOException {
        ObjectNode document = HwbridgeBackup.export(List.of(TestAccounts.record(KeyScheme.SR25519, 1),
                TestAccounts.ethereumRecord("Moonbeam")), "l", FINGERPRINT, NOW);

        assertThat(MiniSchema.violations(schema(), document)).isEmpty();
        assertThat(document.at("/accounts/1/scheme").asText()).isEqualTo("ethereum");
        assertThat(document.at("/accounts/1/path").asText()).isEqualTo(TestAccounts.ETHEREUM_PATH);
    }

    @Property(tries = 200)
    void everyExportMatchesTheSchemaAndReadsBack(@ForAll("records") List<AccountRecord> records,
                                                 @ForAll boolean withDevice) throws Exception {
        String label = withDevice ? "device" : null;
        String fingerprint = withDevice ? FINGERPRINT : null;
        ObjectNode document = HwbridgeBackup.export(records, label, fingerprint, NOW);

        assertThat(MiniSchema.violations(schema(), document)).isEmpty();
        // Through text, as a file would go.
        ParsedBackup parsed = BackupReader.read(MAPPER.readTree(MAPPER.writeValueAsString(document)));
        assertThat(parsed.format()).isEqualTo(ParsedBackup.HWBRIDGE);
        assertThat(parsed.deviceLabel()).isEqualTo(label);
        assertThat(parsed.fingerprint()).isEqualTo(fingerprint);
        assertThat(parsed.accounts()).hasSameSizeAs(records);
        for (int i = 0; i < records.size(); i++) {
            AccountRecord record = records.get(i);
            assertThat(parsed.accounts().get(i)).isEqualTo(new BackupAccount(record.name(), record.address(),
                    record.publicKey(), record.scheme(), record.path(), record.passwordProtected(),
                    record.ss58Format(), record.genesisHash()));
        }
    }

    @Provide
    static Arbitrary<List<AccountRecord>> records() {
        return record().list().ofMaxSize(6);
    }

    static Arbitrary<AccountRecord> record() {
        Arbitrary<KeyScheme> scheme = Arbitraries.of(KeyScheme.class);
        Arbitrary<Integer> seed = Arbitraries.integers().between(0, 1_000_000);
        Arbitrary<Integer> prefix = Arbitraries.of(0, 2, 42, 63, 64, 1284, 16383);
        Arbitrary<String> path = Arbitraries.of("", "//0", "//polkadot//7", "//hard/soft", "/soft", "//0x1234",
                "//Alice//stash", "//\u00e9t\u00e9");
        Arbitrary<String> name = Arbitraries.strings().ofMaxLength(20);
        return Combinators.combine(scheme, seed, prefix, path, name, Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as((s, n, p, pa, nm, pw, genesis) -> {
                    String usable = s.supportsSoftDerivation() ? pa : pa.replace("/soft", "");
                    byte[] key = TestAccounts.publicKey(s, n);
                    return new AccountRecord(nm, TestAccounts.address(s, key, p), hex(key), s.id(), usable, pw, p,
                            genesis ? TestAccounts.POLKADOT_GENESIS : null, null, null, TestAccounts.CREATED);
                });
    }

    static String hex(byte[] bytes) {
        return dev.hwbridge.protocol.account.Hex.toHex(bytes);
    }
}
