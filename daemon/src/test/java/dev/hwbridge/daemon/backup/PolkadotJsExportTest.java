package dev.hwbridge.daemon.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.registry.AccountRecord;
import dev.hwbridge.daemon.testing.TestAccounts;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PolkadotJsExportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LEDGER_KEY = "0xbe3f676e218f2ea34d416cffb53fb179dbbdbf7e556571b934380e4f6adbb9ee";

    private static JsonNode vectors;

    @BeforeAll
    static void loadVectors() throws IOException {
        try (InputStream in = PolkadotJsExportTest.class.getResourceAsStream("/polkadot-js.json")) {
            vectors = MAPPER.readTree(in);
        }
    }

    /** The record for the key and metadata ui-keyring addHardware was given in the vectors. */
    private static AccountRecord ledgerRecord(int ss58Format, long whenCreated) {
        byte[] key = Hex.fromHex(LEDGER_KEY);
        return new AccountRecord("Ledger 0/0", TestAccounts.address(KeyScheme.ED25519, key, ss58Format), LEDGER_KEY,
                "ed25519", "//0", false, ss58Format,
                "0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3", null, null,
                Instant.ofEpochMilli(whenCreated));
    }

    @Test
    void fileIsWhatUiKeyringAddHardwareStoresSaveTheLedgerOnlyMeta() throws IOException {
        ObjectNode expected = (ObjectNode) vectors.at("/uiKeyring/addHardware/returnedJson").deepCopy();
        ObjectNode meta = (ObjectNode) expected.get("meta");
        // Documented differences: no Ledger BIP44 indices, our own hardware type.
        meta.remove("accountIndex");
        meta.remove("addressOffset");
        meta.put("hardwareType", "hwbridge");

        ArrayNode files = PolkadotJsExport.export(List.of(ledgerRecord(42, meta.get("whenCreated").longValue())));

        assertThat(files).hasSize(1);
        assertThat(MAPPER.writeValueAsString(files.get(0))).isEqualTo(MAPPER.writeValueAsString(expected));
    }

    @Test
    void bodyIsTheKeyringExternalPairBody() {
        JsonNode external = vectors.at("/external");
        ObjectNode file = PolkadotJsExport.file(ledgerRecord(0, 1_700_000_000_000L));

        assertThat(file.get("encoded").textValue()).isEqualTo(external.at("/toJson/encoded").textValue());
        assertThat(Hex.toHex(Base64.getDecoder().decode(file.get("encoded").textValue())))
                .isEqualTo(external.get("toJsonEncodedHex").textValue());
        assertThat(file.get("address").textValue()).isEqualTo(external.at("/toJson/address").textValue());
        assertThat(file.get("encoding")).isEqualTo(external.at("/toJson/encoding"));
    }

    @Test
    void ecdsaFileCarriesTheHexPublicKeyAsAddressLikePolkadotJs() {
        JsonNode vector = vectors.at("/jsonExports/ecdsa/toJsonUnencrypted");
        String key = vector.get("address").textValue();
        AccountRecord record = new AccountRecord("e", TestAccounts.address(KeyScheme.ECDSA, Hex.fromHex(key), 42),
                key, "ecdsa", "", false, 42, null, null, null, TestAccounts.CREATED);

        ObjectNode file = PolkadotJsExport.file(record);

        assertThat(file.get("address").textValue()).isEqualTo(key);
        byte[] body = Base64.getDecoder().decode(file.get("encoded").textValue());
        assertThat(Hex.toHex(body)).isEqualTo("0x3053020101300506032b657004220420" + "a123032100" + key.substring(2));
        assertThat(file.at("/encoding/content/1").textValue()).isEqualTo("ecdsa");
    }

    @Test
    void accountForAnyChainHasNoGenesisHash() {
        AccountRecord record = TestAccounts.record(KeyScheme.SR25519, 5);
        AccountRecord anyChain = new AccountRecord(record.name(), record.address(), record.publicKey(),
                record.scheme(), record.path(), false, record.ss58Format(), null, null, null, record.createdAt());

        ObjectNode file = PolkadotJsExport.file(anyChain);

        assertThat(file.get("meta").has("genesisHash")).isFalse();
        assertThat(file.at("/meta/whenCreated").longValue()).isEqualTo(record.createdAt().toEpochMilli());
        assertThat(file.at("/meta/isHardware").booleanValue()).isTrue();
        assertThat(file.at("/meta/isExternal").booleanValue()).isTrue();
    }

    @Test
    void exportedFilesReadBackAsTheSameAccountsWithoutAPath() throws Exception {
        List<AccountRecord> records = List.of(TestAccounts.record(KeyScheme.SR25519, 1),
                TestAccounts.record(KeyScheme.ED25519, 2, 2, "//kusama"),
                TestAccounts.record(KeyScheme.ECDSA, 3, 42, "//eth"));

        ParsedBackup parsed = BackupReader.read(PolkadotJsExport.export(records));

        assertThat(parsed.format()).isEqualTo(ParsedBackup.POLKADOT_JS);
        assertThat(parsed.fingerprint()).isNull();
        for (int i = 0; i < records.size(); i++) {
            AccountRecord record = records.get(i);
            assertThat(parsed.accounts().get(i)).isEqualTo(new BackupAccount(record.name(), record.address(),
                    record.publicKey(), record.scheme(), null, false, record.ss58Format(), record.genesisHash()));
        }
    }
}
