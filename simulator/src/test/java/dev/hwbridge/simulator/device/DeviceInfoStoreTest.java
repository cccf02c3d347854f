package dev.hwbridge.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hwbridge.simulator.state.StateError;
import dev.hwbridge.simulator.state.StateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceInfoStoreTest {

    @Test
    void aDirectoryKeepsTheIdAndLabel(@TempDir Path dir) {
        DeviceInfo created = DeviceInfoStore.inDirectory(dir).loadOrCreate("", new SecureRandom());
        assertThat(created.label()).isEqualTo(DeviceInfo.DEFAULT_LABEL);
        assertThat(created.deviceId()).matches("[0-9a-f]{16}");

        DeviceInfoStore.inDirectory(dir).save(created.withLabel("desk"));
        DeviceInfo reloaded = DeviceInfoStore.inDirectory(dir).loadOrCreate("other", new SecureRandom());
        assertThat(reloaded).isEqualTo(new DeviceInfo(created.deviceId(), "desk"));
    }

    @Test
    void theBlindSigningSettingIsKeptAndAFileFromBeforeItAllowsIt(@TempDir Path dir) throws Exception {
        DeviceInfoStore.inDirectory(dir).save(new DeviceInfo("0011223344556677", "desk", false));
        assertThat(DeviceInfoStore.inDirectory(dir).load()).contains(new DeviceInfo("0011223344556677", "desk", false));

        Files.writeString(dir.resolve(DeviceInfoStore.FILE_NAME),
                "{\"version\":1,\"deviceId\":\"0011223344556677\",\"label\":\"desk\"}");
        assertThat(DeviceInfoStore.inDirectory(dir).load().orElseThrow().blindSigning()).isTrue();

        Files.writeString(dir.resolve(DeviceInfoStore.FILE_NAME),
                "{\"version\":1,\"deviceId\":\"0011223344556677\",\"label\":\"desk\",\"blindSigning\":\"no\"}");
        assertThatThrownBy(() -> DeviceInfoStore.inDirectory(dir).load()).isInstanceOf(StateException.class);
    }

    @Test
    void aDamagedFileIsCorrupt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(DeviceInfoStore.FILE_NAME), "{\"version\":2}");
        assertThatThrownBy(() -> DeviceInfoStore.inDirectory(dir).load())
                .isInstanceOfSatisfying(StateException.class, e -> assertThat(e.code()).isEqualTo(StateError.CORRUPT));
        Files.writeString(dir.resolve(DeviceInfoStore.FILE_NAME), "{not json");
        assertThatThrownBy(() -> DeviceInfoStore.inDirectory(dir).load()).isInstanceOf(StateException.class);
        Files.write(dir.resolve(DeviceInfoStore.FILE_NAME), new byte[5000]);
        assertThatThrownBy(() -> DeviceInfoStore.inDirectory(dir).load()).isInstanceOf(StateException.class);
    }

    @Test
    void theFileIsReadableByTheOwnerOnlyAndNoTempFileStays(@TempDir Path dir) throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");

        DeviceInfoStore.inDirectory(dir).loadOrCreate("desk", new SecureRandom());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(DeviceInfoStore.FILE_NAME))))
                .isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly(DeviceInfoStore.FILE_NAME);
        }
    }

    @Test
    void aTempFileLeftByACrashedWriteIsRemovedAndTheFileStaysReadable(@TempDir Path dir) throws Exception {
        DeviceInfo saved = DeviceInfoStore.inDirectory(dir).loadOrCreate("desk", new SecureRandom());
        Path leftover = dir.resolve(DeviceInfoStore.FILE_NAME + ".00112233aabbccdd.tmp");
        Files.writeString(leftover, "{\"version\":1,");

        DeviceInfoStore reopened = DeviceInfoStore.inDirectory(dir);

        assertThat(leftover).doesNotExist();
        assertThat(reopened.load()).contains(saved);
    }

    @Test
    void memoryStartsEmpty() {
        DeviceInfoStore store = DeviceInfoStore.inMemory();
        assertThat(store.load()).isEmpty();
        DeviceInfo info = store.loadOrCreate("lab", new SecureRandom());
        assertThat(store.load()).contains(info);
        assertThat(info.label()).isEqualTo("lab");
    }
}
