package dev.hwbridge.daemon.registry;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.LoggerFactory;

class AccountRegistryProperties {

    private static final Logger REGISTRY_LOG = (Logger) LoggerFactory.getLogger(AccountRegistry.class);
    private static Level previousLevel;

    // Every try moves a file aside with a warning; hundreds of them would bury the build log.
    @BeforeContainer
    static void quietRegistryLog() {
        previousLevel = REGISTRY_LOG.getLevel();
        REGISTRY_LOG.setLevel(Level.ERROR);
    }

    @AfterContainer
    static void restoreRegistryLog() {
        REGISTRY_LOG.setLevel(previousLevel);
    }

    @Property(tries = 200)
    void junkFileIsNeverLostAndOpenNeverThrows(@ForAll("junk") byte[] content) throws Exception {
        Path dir = Files.createTempDirectory("registry-junk");
        try {
            Files.write(dir.resolve("accounts.json"), content);

            AccountRegistry registry = AccountRegistry.open(dir);

            List<Path> files = list(dir);
            if (registry.list().isEmpty() && files.size() == 1 && files.get(0).endsWith("accounts.json")) {
                // Only a valid registry without accounts stays where it was.
                assertThat(RegistryFile.decode(content)).isEmpty();
            } else {
                assertThat(registry.list()).isEmpty();
                assertThat(files).singleElement().satisfies(aside -> {
                    assertThat(aside.getFileName().toString()).startsWith("accounts.json.corrupt-");
                    assertThat(Files.readAllBytes(aside)).isEqualTo(content);
                });
            }
        } finally {
            deleteTree(dir);
        }
    }

    @Provide
    Arbitrary<byte[]> junk() {
        String valid = "{\"version\":1,\"accounts\":[]}";
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, valid.length())
                .map(n -> valid.substring(0, n).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> jsonish = Arbitraries.strings().withChars("{}[]\":,01 versionaccountsnull").ofMaxLength(60)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(bytes, truncated, jsonish);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
