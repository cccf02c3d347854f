package dev.hwbridge.daemon.chain;

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
 * Opens the chain store over a stored-runtime file of arbitrary bytes, as the daemon does with
 * whatever it finds in its data directory: the runtime the file holds (the file untouched and its
 * metadata read back), or an empty store with the file moved aside unchanged; never an exception.
 */
class ChainStoreFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    /** The name the seeds' content is for. */
    static final String NAME = "0x" + "11".repeat(32) + "-7.chain";

    private final Path dataDir;

    ChainStoreFuzzTest() throws IOException {
        dataDir = Files.createTempDirectory("chains-fuzz");
        dataDir.toFile().deleteOnExit();
    }

    @FuzzTest
    void anyFileOpensAsItsRuntimeOrIsMovedAside(byte[] content) throws Exception {
        Path chains = Files.createDirectories(dataDir.resolve(ChainStore.DIRECTORY));
        Path file = chains.resolve(NAME);
        try {
            Files.write(file, content);
            ChainStore store = ChainStore.open(dataDir, ChainStore.Limits.DEFAULT, CLOCK, (target, bytes) -> {
                throw new AssertionError("opening never writes");
            });
            List<ChainRecord> records = store.list();
            List<Path> aside = moved(chains);
            if (aside.isEmpty()) {
                assertThat(records).hasSize(1);
                assertThat(Files.readAllBytes(file)).isEqualTo(content);
                byte[] metadata = store.metadata(records.get(0)).orElseThrow();
                assertThat(ChainFile.encode(records.get(0), metadata)).isEqualTo(content);
            } else {
                assertThat(records).isEmpty();
                assertThat(file).doesNotExist();
                assertThat(aside).hasSize(1);
                assertThat(Files.readAllBytes(aside.get(0))).isEqualTo(content);
            }
        } finally {
            try (Stream<Path> left = Files.list(chains)) {
                for (Path path : left.toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static List<Path> moved(Path chains) throws IOException {
        try (Stream<Path> files = Files.list(chains)) {
            return files.filter(path -> path.getFileName().toString().startsWith(NAME + ".corrupt-")).toList();
        }
    }
}
