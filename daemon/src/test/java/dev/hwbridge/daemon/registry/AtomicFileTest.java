package dev.hwbridge.daemon.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void writeReplacesContentAndLeavesNoTempFile() throws IOException {
        Path target = dir.resolve("f.json");
        Files.writeString(target, "old");

        AtomicFile.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(listing()).containsExactly("f.json");
    }

    @Test
    void failedRenameRemovesTheTempFileAndLeavesTheTargetAsItWas() throws IOException {
        // A non-empty directory cannot be replaced by a rename: the last step fails.
        Path target = dir.resolve("f.json");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "keep");

        assertThatThrownBy(() -> AtomicFile.write(target, "new".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);

        assertThat(listing()).containsExactly("f.json");
        assertThat(Files.readString(target.resolve("inside"))).isEqualTo("keep");
    }

    private java.util.List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
