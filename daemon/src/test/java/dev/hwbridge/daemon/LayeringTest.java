package dev.hwbridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The device and session layers know nothing of JSON-RPC: their errors are mapped once, in app. */
class LayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/hwbridge/daemon");

    @Test
    void deviceAndSessionDoNotImportRpc() throws IOException {
        for (String layer : List.of("device", "session")) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(layer))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    assertThat(Files.readString(file)).as(file.toString()).doesNotContain("dev.hwbridge.daemon.rpc");
                }
            }
        }
    }
}
