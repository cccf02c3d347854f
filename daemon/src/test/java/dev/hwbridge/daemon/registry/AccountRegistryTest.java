package dev.hwbridge.daemon.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.daemon.testing.TestAccounts;
import dev.hwbridge.protocol.account.KeyScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class AccountRegistryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05.678Z"), ZoneOffset.UTC);
    private static final String ASIDE = "accounts.json.corrupt-20250102T030405.678Z";

    private static final AccountRecord A = TestAccounts.record(KeyScheme.SR25519, 1);
    private static final AccountRecord B = TestAccounts.record(KeyScheme.ED25519, 2);
    private static final AccountRecord C = TestAccounts.record(KeyScheme.ECDSA, 3, 2, "//kusama//3");

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(AccountRegistry.class);
        logger.addAppender(log);
        // Expected warnings go to the list only, not to the build output.
        logger.setAdditive(false);
    }

    @AfterEach
    void releaseLog() {
        Logger logger = (Logger) LoggerFactory.getLogger(AccountRegistry.class);
        logger.detachAppender(log);
        logger.setAdditive(true);
    }

    @Test
    void missingDirectoryAndFileGiveAnEmptyRegistry() {
        AccountRegistry registry = AccountRegistry.open(dir.resolve("a/b"));

        assertThat(registry.list()).isEmpty();
        assertThat(dir.resolve("a/b")).isDirectory();
        assertThat(registry.file()).doesNotExist();
    }

    @Test
    void putRecordsSurviveARestartInOrder() {
        AccountRegistry registry = AccountRegistry.open(dir);
        registry.put(A);
        registry.put(B);
        registry.put(C);

        AccountRegistry reopened = AccountRegistry.open(dir);

        assertThat(reopened.list()).containsExactly(A, B, C);
        assertThat(registry.list()).containsExactly(A, B, C);
    }

    @Test
    void fileIsVersionedJsonWithEveryField() throws IOException {
        AccountRecord withFingerprint = new AccountRecord(C.name(), C.address(), C.publicKey(), C.scheme(), C.path(),
                true, C.ss58Format(), null, null, "0x" + "ab".repeat(32), C.createdAt());
        AccountRegistry.open(dir).put(withFingerprint);

        JsonNode root = new ObjectMapper().readTree(dir.resolve("accounts.json").toFile());

        assertThat(root.get("version").intValue()).isEqualTo(1);
        JsonNode account = root.get("accounts").get(0);
        assertThat(account.get("address").textValue()).isEqualTo(C.address());
        assertThat(account.get("scheme").textValue()).isEqualTo("ecdsa");
        assertThat(account.get("passwordProtected").booleanValue()).isTrue();
        assertThat(account.get("ss58Format").intValue()).isEqualTo(2);
        assertThat(account.get("genesisHash").isNull()).isTrue();
        assertThat(account.get("deviceFingerprint").textValue()).isEqualTo("0x" + "ab".repeat(32));
        assertThat(account.get("createdAt").textValue()).isEqualTo("2025-01-02T03:04:05.678Z");
    }

    @Test
    void putReplacesTheSameKeyAndSchemeInPlace() {
        AccountRegistry registry = AccountRegistry.open(dir);
        registry.put(A);
        registry.put(B);
        AccountRecord renamed = new AccountRecord("renamed", A.address(), A.publicKey(), A.scheme(), A.path(),
                A.passwordProtected(), A.ss58Format(), A.genesisHash(), A.identity(), A.deviceFingerprint(),
                A.createdAt());

        registry.put(renamed);

        assertThat(registry.list()).containsExactly(renamed, B);
        assertThat(AccountRegistry.open(dir).list()).containsExactly(renamed, B);
    }

    @Test
    void putAllAddsAndReplacesInOrderWithOneWrite() {
        List<byte[]> writes = new ArrayList<>();
        AccountRegistry registry = AccountRegistry.open(dir, CLOCK, (target, content) -> {
            writes.add(content);
            AtomicFile.write(target, content);
        });
        registry.put(A);
        AccountRecord renamed = new AccountRecord("renamed", A.address(), A.publicKey(), A.scheme(), A.path(),
                A.passwordProtected(), A.ss58Format(), A.genesisHash(), A.identity(), A.deviceFingerprint(),
                A.createdAt());
        writes.clear();

        registry.putAll(List.of(B, renamed, C));

        assertThat(writes).hasSize(1);
        assertThat(registry.list()).containsExactly(renamed, B, C);
        assertThat(AccountRegistry.open(dir).list()).containsExactly(renamed, B, C);
    }

    @Test
    void sameKeyUnderAnotherSchemeIsAnotherAccount() {
        AccountRegistry registry = AccountRegistry.open(dir);
        byte[] key = TestAccounts.publicKey(KeyScheme.SR25519, 1);
        AccountRecord ed = new AccountRecord("ed", TestAccounts.address(KeyScheme.ED25519, key, 0), A.publicKey(),
                "ed25519", "", false, 0, null, null, null, A.createdAt());

        registry.put(A);
        registry.put(ed);

        assertThat(registry.list()).containsExactly(A, ed);
    }

    @Test
    void findMatchesTheAccountIdUnderAnyPrefix() {
        AccountRegistry registry = AccountRegistry.open(dir);
        registry.put(A);
        registry.put(C);
        String aOnKusama = TestAccounts.address(KeyScheme.SR25519, TestAccounts.publicKey(KeyScheme.SR25519, 1), 2);
        String cGeneric = TestAccounts.address(KeyScheme.ECDSA, TestAccounts.publicKey(KeyScheme.ECDSA, 3), 42);

        assertThat(registry.find(A.address())).contains(A);
        assertThat(registry.find(aOnKusama)).contains(A);
        assertThat(registry.find(cGeneric)).contains(C);
        assertThat(registry.find(B.address())).isEmpty();
        assertThat(registry.find("not an address")).isEmpty();
        assertThat(registry.find(null)).isEmpty();
    }

    @Test
    void removeDeletesByAccountIdAndPersists() {
        AccountRegistry registry = AccountRegistry.open(dir);
        registry.put(A);
        registry.put(B);
        String aGeneric = TestAccounts.address(KeyScheme.SR25519, TestAccounts.publicKey(KeyScheme.SR25519, 1), 42);

        assertThat(registry.remove(aGeneric)).isTrue();
        assertThat(registry.remove(aGeneric)).isFalse();
        assertThat(registry.remove("junk")).isFalse();

        assertThat(registry.list()).containsExactly(B);
        assertThat(AccountRegistry.open(dir).list()).containsExactly(B);
    }

    @Test
    void anEthereumAccountIsFoundAndRemovedByItsAddressInAnyValidCaseAndSurvivesAReopen() {
        AccountRegistry registry = AccountRegistry.open(dir);
        AccountRecord moonbeam = TestAccounts.ethereumRecord("Moonbeam");
        registry.put(A);
        registry.put(moonbeam);
        String upper = "0x" + TestAccounts.ETHEREUM_ADDRESS_LOWER.substring(2).toUpperCase(java.util.Locale.ROOT);

        assertThat(registry.find(moonbeam.address())).contains(moonbeam);
        assertThat(registry.find(TestAccounts.ETHEREUM_ADDRESS_LOWER)).contains(moonbeam);
        assertThat(registry.find(upper)).contains(moonbeam);
        assertThat(registry.find("0x" + "00".repeat(20))).isEmpty();
        assertThat(AccountRegistry.open(dir).list()).containsExactly(A, moonbeam);

        assertThat(registry.remove(TestAccounts.ETHEREUM_ADDRESS_LOWER)).isTrue();
        assertThat(registry.list()).containsExactly(A);
    }

    @Test
    void writesLeaveNoTempFilesBehind() throws IOException {
        AccountRegistry registry = AccountRegistry.open(dir);
        registry.put(A);
        registry.put(B);
        registry.remove(A.address());

        assertThat(listing()).containsExactly("accounts.json");
    }

    @Test
    void leftoverTempFileFromACrashIsIgnored() throws IOException {
        AccountRegistry.open(dir).put(A);
        Files.writeString(dir.resolve("accounts.json.123456.tmp"), "{\"version\":1,\"acc");

        AccountRegistry reopened = AccountRegistry.open(dir);

        assertThat(reopened.list()).containsExactly(A);
        assertThat(listing()).containsExactly("accounts.json", "accounts.json.123456.tmp");
        assertThat(log.list).isEmpty();
    }

    @Test
    void failedWriteKeepsThePreviousFileAndTheRegistryUnchanged() throws IOException {
        AccountRegistry.open(dir).put(A);
        byte[] before = Files.readAllBytes(dir.resolve("accounts.json"));
        // Fails the way a full disk does: half the new content is in the temp file, then an error.
        AccountRegistry registry = AccountRegistry.open(dir, CLOCK, (target, content) -> {
            Path temp = Files.createTempFile(target.getParent(), "accounts.json.", ".tmp");
            Files.write(temp, java.util.Arrays.copyOf(content, content.length / 2));
            Files.delete(temp);
            throw new IOException("No space left on device");
        });

        assertThatThrownBy(() -> registry.put(B)).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> registry.putAll(List.of(B, C))).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> registry.remove(A.address())).isInstanceOf(UncheckedIOException.class);

        assertThat(registry.list()).containsExactly(A);
        assertThat(Files.readAllBytes(dir.resolve("accounts.json"))).isEqualTo(before);
        assertThat(AccountRegistry.open(dir).list()).containsExactly(A);
    }

    @Test
    void corruptFileIsMovedAsideWithAWarningAndTheRegistryStartsEmpty() throws IOException {
        byte[] junk = "{\"version\":1,\"accounts\":[{\"name\":".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("accounts.json"), junk);

        AccountRegistry registry = AccountRegistry.open(dir, CLOCK, AtomicFile::write);

        assertThat(registry.list()).isEmpty();
        assertThat(listing()).containsExactly(ASIDE);
        assertThat(Files.readAllBytes(dir.resolve(ASIDE))).isEqualTo(junk);
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains(ASIDE);
        });

        registry.put(A);
        assertThat(listing()).containsExactly("accounts.json", ASIDE);
        assertThat(AccountRegistry.open(dir).list()).containsExactly(A);
    }

    @Test
    void aSecondCorruptFileDoesNotOverwriteTheFirst() throws IOException {
        Files.writeString(dir.resolve("accounts.json"), "first");
        AccountRegistry.open(dir, CLOCK, AtomicFile::write);
        Files.writeString(dir.resolve("accounts.json"), "second");

        AccountRegistry.open(dir, CLOCK, AtomicFile::write);

        assertThat(Files.readString(dir.resolve(ASIDE))).isEqualTo("first");
        assertThat(Files.readString(dir.resolve(ASIDE + "-1"))).isEqualTo("second");
    }

    @Test
    void wellFormedJsonThatIsNotARegistryIsMovedAside() throws IOException {
        String valid = new String(RegistryFile.encode(List.of(A)), StandardCharsets.UTF_8);
        List<String> broken = List.of(
                "",
                "[]",
                valid.replace("\"version\" : 1", "\"version\" : 2"),
                valid.replace(A.address(), B.address()),
                valid.replace("\"scheme\" : \"sr25519\"", "\"scheme\" : \"sr25519\", \"extra\" : 1"),
                valid.replace("2025-01-02T03:04:05.678Z", "yesterday"),
                valid + " {}");

        for (String content : broken) {
            Files.writeString(dir.resolve("accounts.json"), content);
            assertThat(AccountRegistry.open(dir).list()).as(content).isEmpty();
            assertThat(dir.resolve("accounts.json")).as(content).doesNotExist();
        }
        assertThat(listing()).hasSize(broken.size()).allMatch(name -> name.startsWith("accounts.json.corrupt-"));
    }

    @Test
    void fileAboveTheSizeBoundIsMovedAsideUnread() throws IOException {
        byte[] huge = new byte[AccountRegistry.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        Files.write(dir.resolve("accounts.json"), huge);

        assertThat(AccountRegistry.open(dir, CLOCK, AtomicFile::write).list()).isEmpty();
        assertThat(Files.size(dir.resolve(ASIDE))).isEqualTo(huge.length);
    }

    @Test
    void concurrentPutsAreAllKept() throws Exception {
        AccountRegistry registry = AccountRegistry.open(dir);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 8; i++) {
                        registry.put(TestAccounts.record(KeyScheme.SR25519, 100 * thread + i));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(registry.list()).hasSize(32);
        assertThat(AccountRegistry.open(dir).list()).containsExactlyInAnyOrderElementsOf(registry.list());
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
