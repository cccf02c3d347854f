package dev.hwbridge.daemon.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.daemon.registry.AccountRecord;
import dev.hwbridge.daemon.rpc.RpcFrames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads arbitrary JSON as a backup document, parsed as the daemon parses the frame it arrives in.
 * Every account it accepts must also be a valid {@link AccountRecord} (restore stores it as one),
 * and exporting those records in the document's format must read back to the same accounts.
 */
class BackupReaderFuzzTest {

    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

    @FuzzTest
    void anyDocumentGivesAccountsThatRoundTripOrAPointerToItsFirstProblem(byte[] input) throws Exception {
        Optional<JsonNode> document = RpcFrames.parse(new String(input, StandardCharsets.UTF_8));
        if (document.isEmpty()) {
            return;
        }
        ParsedBackup backup;
        try {
            backup = BackupReader.read(document.get());
        } catch (InvalidBackupException refused) {
            assertThat(refused.pointer()).isNotNull().matches(pointer -> pointer.isEmpty() || pointer.startsWith("/"));
            return;
        }
        List<AccountRecord> records = backup.accounts().stream().map(BackupReaderFuzzTest::record).toList();
        if (backup.format().equals(ParsedBackup.HWBRIDGE)) {
            ParsedBackup again = BackupReader.read(HwbridgeBackup.export(records, backup.deviceLabel(),
                    backup.fingerprint(), NOW));
            assertThat(again).isEqualTo(backup);
        } else {
            assertThat(backup.format()).isEqualTo(ParsedBackup.POLKADOT_JS);
            ParsedBackup again = BackupReader.read(PolkadotJsExport.export(records));
            assertThat(again.accounts()).hasSameSizeAs(backup.accounts());
            for (int i = 0; i < records.size(); i++) {
                BackupAccount before = backup.accounts().get(i);
                BackupAccount after = again.accounts().get(i);
                if (before.scheme().equals("ecdsa")) {
                    // An ecdsa file carries its hex public key as the address, so the SS58 format is lost.
                    assertThat(after).usingRecursiveComparison().ignoringFields("address", "ss58Format").isEqualTo(before);
                } else {
                    assertThat(after).isEqualTo(before);
                }
            }
        }
    }

    /** The record a restore stores for {@code account}; throws (a finding) where the two disagree on validity. */
    private static AccountRecord record(BackupAccount account) {
        return new AccountRecord(account.name(), account.address(), account.publicKey(), account.scheme(),
                account.path() == null ? "" : account.path(), account.passwordProtected(), account.ss58Format(),
                account.genesisHash(), null, null, NOW);
    }
}
