package dev.hwbridge.daemon.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hwbridge.daemon.registry.AccountRecord;
import dev.hwbridge.daemon.testing.JsonJunk;
import dev.hwbridge.daemon.testing.TestAccounts;
import dev.hwbridge.protocol.account.KeyScheme;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class BackupReaderProperties {

    private static final List<AccountRecord> RECORDS = List.of(TestAccounts.record(KeyScheme.SR25519, 1),
            TestAccounts.record(KeyScheme.ED25519, 2, 2, "//kusama"), TestAccounts.record(KeyScheme.ECDSA, 3, 42, ""));
    private static final JsonNode BACKUP = HwbridgeBackup.export(RECORDS, "signer", "0x" + "5e".repeat(32),
            Instant.parse("2025-01-01T00:00:00Z"));
    private static final ArrayNode FILES = PolkadotJsExport.export(RECORDS);

    private static final List<String> NAMES = List.of("format", "version", "createdAt", "device", "label",
            "fingerprint", "accounts", "name", "address", "publicKey", "scheme", "path", "passwordProtected",
            "ss58Format", "genesisHash", "encoded", "encoding", "content", "type", "meta", "isHardware");
    private static final List<String> STRINGS = List.of("hwbridge-backup", "sr25519", "ed25519", "ecdsa", "pkcs8",
            "none", "3", "batch-pkcs8", "", "//polkadot", "///pw", "/soft", "2025-01-01T00:00:00Z",
            RECORDS.get(0).address(), RECORDS.get(0).publicKey(), RECORDS.get(2).publicKey(),
            FILES.get(0).get("encoded").textValue(), TestAccounts.POLKADOT_GENESIS);

    @Property(tries = 1000)
    void randomDocumentsAreReadOrRefusedWithAPointer(@ForAll("junk") JsonNode document) {
        assertReadOrRefused(document);
    }

    @Property(tries = 1000)
    void mutatedBackupsAreReadOrRefusedWithAPointer(@ForAll("mutatedBackups") JsonNode document) throws IOException {
        ParsedBackup parsed = assertReadOrRefused(document);
        if (parsed != null && parsed.format().equals(ParsedBackup.HWBRIDGE)) {
            // Whatever the reader accepts, the published schema accepts too.
            assertThat(MiniSchema.violations(HwbridgeBackupTest.schema(), document)).isEmpty();
        }
        Statistics.collect(parsed == null ? "refused" : "read");
        // Some mutations (a renamed account, a reordered member) keep the document valid.
        Statistics.coverage(coverage -> coverage.check("read").count(count -> count > 0));
    }

    @Property(tries = 1000)
    void mutatedAccountFilesAreReadOrRefusedWithAPointer(@ForAll("mutatedFiles") JsonNode document) {
        Statistics.collect(assertReadOrRefused(document) == null ? "refused" : "read");
        Statistics.coverage(coverage -> coverage.check("read").count(count -> count > 0));
    }

    private static ParsedBackup assertReadOrRefused(JsonNode document) {
        try {
            return BackupReader.read(document);
        } catch (InvalidBackupException e) {
            assertThat(e.pointer()).matches("(/[^/]*)*");
            assertThat(e.getMessage()).isNotBlank();
            return null;
        }
    }

    @Provide
    Arbitrary<JsonNode> junk() {
        return JsonJunk.values(NAMES, STRINGS);
    }

    @Provide
    Arbitrary<JsonNode> mutatedBackups() {
        return JsonJunk.mutations(BACKUP, NAMES, STRINGS);
    }

    @Provide
    Arbitrary<JsonNode> mutatedFiles() {
        return Arbitraries.oneOf(JsonJunk.mutations(FILES, NAMES, STRINGS),
                JsonJunk.mutations(FILES.get(2), NAMES, STRINGS));
    }
}
