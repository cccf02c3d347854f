package dev.hwbridge.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aWriteReplacesTheFileAndLeavesNoTempFileBehind() throws Exception {
        Path target = dir.resolve("device.json");
        AtomicFiles.write(target, bytes("first"), new SecureRandom());
        AtomicFiles.write(target, bytes("second"), new SecureRandom());

        assertThat(Files.readString(target)).isEqualTo("second");
        assertThat(names()).containsExactly("device.json");
    }

    @Test
    void tempNamesAreTheTargetsNameAndSixteenRandomHexDigitsNeverTheSameTwice() throws Exception {
        SecureRandom random = new SecureRandom();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String name = AtomicFiles.createTemp(dir, "state.bin", random).getFileName().toString();
            assertThat(name).matches("state\\.bin\\.[0-9a-f]{16}\\.tmp");
            names.add(name);
        }

        assertThat(names).hasSize(50);
    }

    @Test
    void aFilePlantedUnderTheNextTempNameIsNeitherWrittenNorDeleted() throws Exception {
        Path target = dir.resolve("attempts.bin");
        Path planted = dir.resolve("attempts.bin." + HexFormat.of().formatHex(new byte[8]) + AtomicFiles.TEMP_SUFFIX);
        Files.writeString(planted, "someone else's");

        // The first name drawn is the planted one; the write must take the next.
        AtomicFiles.write(target, bytes("count"), new Sequence());

        assertThat(Files.readString(target)).isEqualTo("count");
        assertThat(Files.readString(planted)).isEqualTo("someone else's");
    }

    @Test
    void aLinkPlantedUnderTheNextTempNameIsNotFollowed() throws Exception {
        Path outside = Files.writeString(Files.createTempFile("outside", ".txt"), "untouched");
        Path planted = dir.resolve("state.bin." + HexFormat.of().formatHex(new byte[8]) + AtomicFiles.TEMP_SUFFIX);
        try {
            Files.createSymbolicLink(planted, outside);
        } catch (UnsupportedOperationException | IOException e) {
            Files.delete(outside);
            assumeTrue(false, "symbolic links: " + e);
        }
        try {
            AtomicFiles.write(dir.resolve("state.bin"), bytes("sealed"), new Sequence());

            assertThat(Files.readString(outside)).isEqualTo("untouched");
            assertThat(Files.isSymbolicLink(planted)).isTrue();
            assertThat(Files.readString(dir.resolve("state.bin"))).isEqualTo("sealed");
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void aWriterThatOnlyFindsTakenNamesGivesUpWithoutTouchingThem() throws Exception {
        Path planted = dir.resolve("state.bin." + HexFormat.of().formatHex(new byte[8]) + AtomicFiles.TEMP_SUFFIX);
        Files.writeString(planted, "taken");

        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("state.bin"), bytes("sealed"), new Zeros()))
                .isInstanceOf(IOException.class).hasMessageContaining("no free temporary name");
        assertThat(Files.readString(planted)).isEqualTo("taken");
        assertThat(dir.resolve("state.bin")).doesNotExist();
    }

    @Test
    void writtenFilesAreReadableByTheOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path target = dir.resolve("device.json");

        AtomicFiles.write(target, bytes("{}"), new SecureRandom());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
    }

    private Set<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> names = new HashSet<>();
            files.forEach(file -> names.add(file.getFileName().toString()));
            return names;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Zeros first, then 1, 2, 3… in every byte: a name collision on the first draw only. */
    private static final class Sequence extends SecureRandom {
        private byte next;

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            java.util.Arrays.fill(bytes, next++);
        }
    }

    /** Always zeros: every draw collides. */
    private static final class Zeros extends SecureRandom {
        @Override
        public synchronized void nextBytes(byte[] bytes) {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }
}
