package dev.hwbridge.daemon.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/**
 * Opens the registry over an {@code accounts.json} of arbitrary bytes, as the daemon does with
 * whatever it finds in its data directory: the records the file holds (the file untouched), or
 * an empty registry with the file moved aside unchanged; never an exception.
 */
class AccountRegistryFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

    private final Path dataDir;

    AccountRegistryFuzzTest() throws IOException {
        dataDir = Files.createTempDirectory("registry-fuzz");
        dataDir.toFile().deleteOnExit();
    }

    @FuzzTest
    void anyFileOpensAsItsRecordsOrIsMovedAside(byte[] content) throws Exception {
        Path file = dataDir.resolve(AccountRegistry.FILE_NAME);
        try {
            Files.write(file, content);
            AccountRegistry registry = AccountRegistry.open(dataDir, CLOCK, (target, bytes) -> {
                throw new AssertionError("opening never writes");
            });
            List<AccountRecord> records = registry.list();
            List<Path> aside = moved();
            if (aside.isEmpty()) {
                assertThat(Files.readAllBytes(file)).isEqualTo(content);
                assertThat(RegistryFile.decode(RegistryFile.encode(records))).isEqualTo(records);
            } else {
                assertThat(records).isEmpty();
                assertThat(file).doesNotExist();
                assertThat(aside).hasSize(1);
                assertThat(Files.readAllBytes(aside.get(0))).isEqualTo(content);
            }
        } finally {
            try (Stream<Path> left = Files.list(dataDir)) {
                for (Path path : left.toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private List<Path> moved() throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(path -> path.getFileName().toString().startsWith(AccountRegistry.FILE_NAME + ".corrupt-"))
                    .toList();
        }
    }
}
