package dev.hwbridge.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaemonConfigTest {

    private static final Path DATA = Path.of("/tmp/hwbridge-test");

    @Test
    void dataDirFollowsXdgDataHomeWhenAbsolute() {
        assertThat(DaemonConfig.defaultDataDir(Map.of("XDG_DATA_HOME", "/srv/data"), "/home/u"))
                .isEqualTo(Path.of("/srv/data/hwbridge"));
        assertThat(DaemonConfig.defaultDataDir(Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.local/share/hwbridge"));
        assertThat(DaemonConfig.defaultDataDir(Map.of("XDG_DATA_HOME", "relative/dir"), "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/hwbridge"));
        assertThat(DaemonConfig.defaultDataDir(Map.of("XDG_DATA_HOME", ""), "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/hwbridge"));
    }

    @Test
    void nonLoopbackBindNeedsExplicitPermission() throws Exception {
        InetAddress lan = InetAddress.getByName("192.0.2.5");

        assertThatThrownBy(() -> new DaemonConfig(0, lan, List.of(), List.of(), DATA, false, true, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--allow-remote-bind");
        assertThat(new DaemonConfig(0, lan, List.of(), List.of(), DATA, true, true, true).bind()).isEqualTo(lan);
    }

    @Test
    void originsAreNormalisedAndDeduplicated() {
        DaemonConfig config = new DaemonConfig(0, InetAddress.getLoopbackAddress(),
                List.of("https://A.example/", "https://a.example:443"), List.of(), DATA, false, true, true);

        assertThat(config.allowOrigins()).containsExactly("https://a.example");
    }

    @Test
    void simulatorsMustBeOnLoopback() throws Exception {
        InetSocketAddress remote = new InetSocketAddress(InetAddress.getByName("192.0.2.5"), 21336);

        assertThatThrownBy(() -> new DaemonConfig(0, InetAddress.getLoopbackAddress(), List.of(), List.of(remote),
                DATA, false, true, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DaemonConfig(0, InetAddress.getLoopbackAddress(), List.of(),
                List.of(InetSocketAddress.createUnresolved("localhost", 1)), DATA, false, true, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void portOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new DaemonConfig(65536, InetAddress.getLoopbackAddress(), List.of(), List.of(),
                DATA, false, true, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsArePlainLoopback() {
        DaemonConfig config = DaemonConfig.defaults(DaemonConfig.DEFAULT_PORT);

        assertThat(config.port()).isEqualTo(21335);
        assertThat(config.bind().isLoopbackAddress()).isTrue();
        assertThat(config.hidEnabled() && config.usbEnabled()).isTrue();
    }
}
