package dev.hwbridge.daemon.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

    private static final Path HOME = Path.of("/home/ann");

    @Test
    void xdgDataHomeWinsWhenAbsolute() {
        assertThat(DataDirectory.defaultPath(Map.of("XDG_DATA_HOME", "/data"), HOME))
                .isEqualTo(Path.of("/data/hwbridge"));
    }

    @Test
    void missingEmptyOrRelativeXdgDataHomeFallsBackToLocalShare() {
        Path fallback = Path.of("/home/ann/.local/share/hwbridge");

        assertThat(DataDirectory.defaultPath(Map.of(), HOME)).isEqualTo(fallback);
        assertThat(DataDirectory.defaultPath(Map.of("XDG_DATA_HOME", ""), HOME)).isEqualTo(fallback);
        assertThat(DataDirectory.defaultPath(Map.of("XDG_DATA_HOME", "data"), HOME)).isEqualTo(fallback);
    }
}
