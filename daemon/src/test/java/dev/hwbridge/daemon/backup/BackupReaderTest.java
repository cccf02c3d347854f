package dev.hwbridge.daemon.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.registry.AccountRecord;
import dev.hwbridge.daemon.testing.TestAccounts;
import dev.hwbridge.protocol.account.KeyScheme;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BackupReaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FINGERPRINT = "0x" + "5e".repeat(32);

    private static JsonNode vectors;

    @BeforeAll
    static void loadVectors() throws IOException {
        try (InputStream in = BackupReaderTest.class.getResourceAsStream("/polkadot-js.json")) {
            vectors = MAPPER.readTree(in);
        }
    }

    private static ObjectNode backup(AccountRecord... records) {
        return HwbridgeBackup.export(List.of(records), "signer", FINGERPRINT, Instant.parse("2025-01-01T00:00:00Z"));
    }

    private static ObjectNode backupWith(Consumer<ObjectNode> firstAccount) {
        ObjectNode document = backup(TestAccounts.record(KeyScheme.SR25519, 1), TestAccounts.record(KeyScheme.ED25519, 2));
        firstAccount.accept((ObjectNode) document.get("accounts").get(1));
        return document;
    }

    private static void assertRefused(JsonNode document, String pointer) {
        assertRefused(() -> BackupReader.read(document), pointer);
    }

    private static void assertRefused(ThrowingCallable read, String pointer) {
        assertThatThrownBy(read).isInstanceOfSatisfying(InvalidBackupException.class,
                e -> assertThat(e.pointer()).as(e.getMessage()).isEqualTo(pointer));
    }

    @Test
    void hwbridgeBackupIsReadWithItsDevice() throws Exception {
        AccountRecord record = TestAccounts.record(KeyScheme.SR25519, 1);

        ParsedBackup parsed = BackupReader.read(backup(record));

        assertThat(parsed).isEqualTo(new ParsedBackup("hwbridge", "signer", FINGERPRINT, List.of(new BackupAccount(
                record.name(), record.address(), record.publicKey(), "sr25519", "//polkadot//1", false, 0,
                TestAccounts.POLKADOT_GENESIS))));
    }

    @Test
    void version2CarriesALedgersEthereumKeysWithTheirAddressInEip55Case() throws Exception {
        AccountRecord moonbeam = TestAccounts.ethereumRecord("Moonbeam");
        ObjectNode document = backup(TestAccounts.record(KeyScheme.SR25519, 1), moonbeam);
        ((ObjectNode) document.get("accounts").get(1)).put("address", TestAccounts.ETHEREUM_ADDRESS_LOWER);

        BackupAccount read = BackupReader.read(document).accounts().get(1);

        assertThat(read).isEqualTo(new BackupAccount("Moonbeam", moonbeam.address(), TestAccounts.ETHEREUM_KEY,
                "ethereum", TestAccounts.ETHEREUM_PATH, false, 42, null));
    }

    @Test
    void anEthereumEntryIsCheckedAndRefusedInVersion1() {
        ObjectNode document = backup(TestAccounts.record(KeyScheme.SR25519, 1), TestAccounts.ethereumRecord("Moonbeam"));
        ObjectNode versionOne = document.deepCopy();
        versionOne.put("version", 1);

        assertRefused(versionOne, "/accounts/1/address");
        assertRefused(editAccount(document, a -> a.put("address", "0x" + "11".repeat(20))), "/accounts/1/address");
        assertRefused(editAccount(document, a -> a.put("address", TestAccounts.record(KeyScheme.SR25519, 1).address())),
                "/accounts/1/address");
        assertRefused(editAccount(document, a -> a.put("path", "//moonbeam")), "/accounts/1/path");
        assertRefused(editAccount(document, a -> a.put("passwordProtected", true)), "/accounts/1/passwordProtected");
        assertRefused(editAccount(document, a -> a.put("publicKey", "0x02" + "00".repeat(32))), "/accounts/1/publicKey");
        assertRefused(editAccount(document, a -> a.put("publicKey", TestAccounts.record(KeyScheme.SR25519, 1).publicKey())),
                "/accounts/1/publicKey");
    }

    @Test
    void aPolkadotJsEthereumFileReadsAsTheKeysAddress() throws Exception {
        AccountRecord moonbeam = TestAccounts.ethereumRecord("Moonbeam");

        BackupAccount read = BackupReader.read(PolkadotJsExport.file(moonbeam)).accounts().get(0);

        assertThat(PolkadotJsExport.file(moonbeam).get("address").asText()).isEqualTo(TestAccounts.ETHEREUM_KEY);
        assertThat(read.scheme()).isEqualTo("ethereum");
        assertThat(read.address()).isEqualTo(moonbeam.address());
        assertThat(read.path()).isNull();
    }

    private static ObjectNode editAccount(ObjectNode document, Consumer<ObjectNode> change) {
        ObjectNode copy = document.deepCopy();
        change.accept((ObjectNode) copy.get("accounts").get(1));
        return copy;
    }

    @Test
    void anythingButABackupOrAccountFilesIsRefusedAtTheRoot() {
        for (String text : List.of("null", "1", "\"x\"", "{}", "{\"accounts\":[]}", "true")) {
            assertRefused(() -> BackupReader.read(MAPPER.readTree(text)), "");
        }
        assertRefused(() -> BackupReader.read(null), "");
        assertRefused(() -> BackupReader.read(MAPPER.readTree("{\"format\":\"other\"}")), "/format");
        assertRefused(() -> BackupReader.read(MAPPER.readTree("[1]")), "/0");
    }

    @Test
    void version2HoldsLedgerPathsAndVersion1DocumentsStillRead() throws Exception {
        ObjectNode ledger = backupWith(account -> account.put("path", "m/44'/354'/0'/0'/3'"));
        ObjectNode versionOne = backup(TestAccounts.record(KeyScheme.SR25519, 1));
        versionOne.put("version", 1);
        ObjectNode ledgerInVersionOne = ledger.deepCopy();
        ledgerInVersionOne.put("version", 1);

        assertThat(BackupReader.read(ledger).accounts().get(1).path()).isEqualTo("m/44'/354'/0'/0'/3'");
        assertThat(BackupReader.read(versionOne).accounts()).hasSize(1);
        assertRefused(ledgerInVersionOne, "/accounts/1/path");
        assertRefused(backupWith(account -> account.put("path", "m/44'/60'/0'/0'/3'")), "/accounts/1/path");
    }

    @Test
    void everyTopLevelMemberIsChecked() {
        ObjectNode version = backup();
        version.put("version", 3);
        ObjectNode versionText = backup();
        versionText.put("version", "1");
        ObjectNode createdAt = backup();
        createdAt.put("createdAt", "yesterday");
        ObjectNode device = backup();
        device.putNull("device");
        ObjectNode fingerprint = backup();
        ((ObjectNode) fingerprint.get("device")).put("fingerprint", "0x12");
        ObjectNode label = backup();
        ((ObjectNode) label.get("device")).put("label", 5);
        ObjectNode deviceExtra = backup();
        ((ObjectNode) deviceExtra.get("device")).put("serial", "123");
        ObjectNode accounts = backup();
        accounts.put("accounts", "none");
        ObjectNode extra = backup();
        extra.put("a/b~c", 1);

        assertRefused(version, "/version");
        assertRefused(versionText, "/version");
        assertRefused(createdAt, "/createdAt");
        assertRefused(device, "/device");
        assertRefused(fingerprint, "/device/fingerprint");
        assertRefused(label, "/device/label");
        assertRefused(deviceExtra, "/device/serial");
        assertRefused(accounts, "/accounts");
        assertRefused(extra, "/a~1b~0c");
    }

    @Test
    void everyAccountMemberIsCheckedAndNamedByPointer() {
        assertRefused(backupWith(a -> a.put("name", 1)), "/accounts/1/name");
        assertRefused(backupWith(a -> a.put("name", "n".repeat(257))), "/accounts/1/name");
        assertRefused(backupWith(a -> a.put("address", "5Grw")), "/accounts/1/address");
        assertRefused(backupWith(a -> a.remove("publicKey")), "/accounts/1/publicKey");
        assertRefused(backupWith(a -> a.put("publicKey", "0xzz")), "/accounts/1/publicKey");
        assertRefused(backupWith(a -> a.put("publicKey", "0x" + "11".repeat(33))), "/accounts/1/publicKey");
        assertRefused(backupWith(a -> a.put("scheme", "ED25519")), "/accounts/1/scheme");
        assertRefused(backupWith(a -> a.put("path", "polkadot")), "/accounts/1/path");
        assertRefused(backupWith(a -> a.put("path", "//a/soft")), "/accounts/1/path");
        assertRefused(backupWith(a -> a.put("passwordProtected", "false")), "/accounts/1/passwordProtected");
        assertRefused(backupWith(a -> a.put("ss58Format", 47)), "/accounts/1/ss58Format");
        assertRefused(backupWith(a -> a.put("ss58Format", 1.5)), "/accounts/1/ss58Format");
        assertRefused(backupWith(a -> a.put("genesisHash", "0x00")), "/accounts/1/genesisHash");
        assertRefused(backupWith(a -> a.remove("genesisHash")), "/accounts/1/genesisHash");
        assertRefused(backupWith(a -> a.put("ss58Format", 2)), "/accounts/1/address");
        assertRefused(backupWith(a -> a.put("publicKey", TestAccounts.record(KeyScheme.ED25519, 9).publicKey())),
                "/accounts/1/address");
        assertRefused(backupWith(a -> a.put("mnemonic", "x")), "/accounts/1/mnemonic");
        assertRefused(backupWith(a -> a.removeAll()), "/accounts/1/name");
    }

    @Test
    void aPasswordInAPathIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> BackupReader.read(backupWith(a -> a.put("path", "//polkadot///hunter2"))))
                .isInstanceOfSatisfying(InvalidBackupException.class, e -> {
                    assertThat(e.pointer()).isEqualTo("/accounts/1/path");
                    assertThat(e.getMessage()).contains("///password").doesNotContain("hunter2");
                });
    }

    @Test
    void theFirstProblemInDocumentOrderIsReported() {
        ObjectNode document = backupWith(a -> {
            a.put("address", "bad");
            a.put("genesisHash", "bad");
        });
        ((ObjectNode) document.get("accounts").get(0)).put("ss58Format", -1);

        assertRefused(document, "/accounts/0/ss58Format");
        ((ObjectNode) document.get("accounts").get(0)).put("ss58Format", 0);
        assertRefused(document, "/accounts/1/address");
    }

    @Test
    void tooManyAccountsAreRefusedBeforeReadingThem() {
        ObjectNode document = backup();
        ArrayNode accounts = document.putArray("accounts");
        ArrayNode files = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i <= BackupReader.MAX_ACCOUNTS; i++) {
            accounts.add(1);
            files.add(1);
        }

        assertRefused(document, "/accounts");
        assertRefused(files, "");
    }

    @Test
    void polkadotJsHardwareAndExternalVectorsAreRead() throws Exception {
        ParsedBackup hardware = BackupReader.read(vectors.at("/uiKeyring/addHardware/returnedJson"));
        ParsedBackup external = BackupReader.read(vectors.at("/external/toJson"));

        BackupAccount expected = new BackupAccount("Ledger 0/0", "5GN9nnRy8Y2LrNoe7XxTYGrEay96RkFCWFaMCsWuRtZp6pKd",
                "0xbe3f676e218f2ea34d416cffb53fb179dbbdbf7e556571b934380e4f6adbb9ee", "ed25519", null, false, 42,
                "0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3");
        assertThat(hardware).isEqualTo(new ParsedBackup("polkadot-js", null, null, List.of(expected)));
        assertThat(external.accounts()).containsExactly(new BackupAccount(expected.name(),
                "15JSw7h2zKHpHupA5B1TgRgPSb8k83oLakJqNAWFyybLHCCF", expected.publicKey(), "ed25519", null, false, 0,
                expected.genesisHash()));
    }

    @Test
    void anArrayOfFilesIsReadInOrderWithPointersIntoIt() throws Exception {
        ArrayNode files = JsonNodeFactory.instance.arrayNode();
        files.add(vectors.at("/uiKeyring/addHardware/returnedJson"));
        files.add(vectors.at("/external/toJson"));

        assertThat(BackupReader.read(files).accounts()).extracting(BackupAccount::ss58Format).containsExactly(42, 0);

        ObjectNode broken = vectors.at("/external/toJson").deepCopy();
        ((ObjectNode) broken.get("meta")).put("genesisHash", "0x1234");
        files.add(broken);
        assertRefused(files, "/2/meta/genesisHash");
    }

    @Test
    void emptyEncodedTakesTheKeyFromTheAddressAsPolkadotJsDoes() throws Exception {
        ObjectNode file = vectors.at("/uiKeyring/addHardware/returnedJson").deepCopy();
        file.put("encoded", "");
        ((ObjectNode) file.get("meta")).putNull("genesisHash");
        ((ObjectNode) file.get("meta")).remove("name");

        BackupAccount account = BackupReader.read(file).accounts().get(0);

        assertThat(account.publicKey()).isEqualTo("0xbe3f676e218f2ea34d416cffb53fb179dbbdbf7e556571b934380e4f6adbb9ee");
        assertThat(account.genesisHash()).isNull();
        assertThat(account.name()).isEmpty();
    }

    @Test
    void filesHoldingASecretAreRefused() {
        for (String scheme : List.of("sr25519", "ed25519", "ecdsa")) {
            JsonNode plain = vectors.at("/jsonExports/" + scheme + "/toJsonUnencrypted");
            assertRefused(plain, "/encoded");
        }
        JsonNode encrypted = vectors.at("/external/toJsonWithPasswordFreshPair");
        assertRefused(encrypted, "/encoding/type");
        assertThatThrownBy(() -> BackupReader.read(vectors.at("/uiKeyring/backupAccounts/json")))
                .isInstanceOfSatisfying(InvalidBackupException.class, e -> {
                    assertThat(e.pointer()).isEqualTo("/encoding/content");
                    assertThat(e.getMessage()).contains("batch");
                });
    }

    @Test
    void polkadotJsFileMembersAreChecked() {
        JsonNode hardware = vectors.at("/uiKeyring/addHardware/returnedJson");
        assertRefused(edit(hardware, f -> f.remove("encoding")), "/encoding");
        assertRefused(edit(hardware, f -> ((ArrayNode) f.at("/encoding/content")).set(1, "secp256r1")),
                "/encoding/content/1");
        assertRefused(edit(hardware, f -> ((ObjectNode) f.get("encoding")).put("version", "4")), "/encoding/version");
        assertRefused(edit(hardware, f -> f.put("encoded", "!!!")), "/encoded");
        assertRefused(edit(hardware, f -> f.put("address", "15JSw7h2zKHpHupA5B1TgRgPSb8k83oLakJqNAWFyybLHCCX")),
                "/address");
        assertRefused(edit(hardware, f -> f.put("address",
                vectors.at("/jsonExports/ed25519/toJsonUnencrypted/address").textValue())), "/address");
        assertRefused(edit(hardware, f -> ((ObjectNode) f.get("meta")).put("type", "sr25519")), "/meta/type");
        assertRefused(edit(hardware, f -> f.put("meta", "x")), "/meta");
        assertRefused(edit(hardware, f -> ((ObjectNode) f.get("meta")).put("name", 3)), "/meta/name");
    }

    @Test
    void ecdsaFileNeedsItsPublicKeyFromTheBodyOrAHexAddress() throws Exception {
        AccountRecord record = TestAccounts.record(KeyScheme.ECDSA, 3, 42, "//eth");
        ObjectNode file = PolkadotJsExport.file(record);
        ObjectNode ss58Address = file.deepCopy();
        ss58Address.put("address", record.address());
        ObjectNode neither = ss58Address.deepCopy();
        neither.put("encoded", "");
        ObjectNode otherKey = file.deepCopy();
        otherKey.put("address", TestAccounts.record(KeyScheme.ECDSA, 4).publicKey());

        assertThat(BackupReader.read(ss58Address).accounts().get(0).publicKey()).isEqualTo(record.publicKey());
        assertRefused(neither, "/encoded");
        assertRefused(otherKey, "/address");
    }

    private static ObjectNode edit(JsonNode file, Consumer<ObjectNode> change) {
        ObjectNode copy = file.deepCopy();
        change.accept(copy);
        return copy;
    }
}
