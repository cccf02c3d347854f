package dev.hwbridge.daemon.registry;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the daemon keeps its files when {@code --data-dir} is not given: {@code $XDG_DATA_HOME/hwbridge},
 * else {@code ~/.local/share/hwbridge} (XDG Base Directory specification; a relative
 * {@code XDG_DATA_HOME} is invalid there and ignored).
 */
public final class DataDirectory {

    public static final String APP_DIR = "hwbridge";

    private DataDirectory() {
    }

    /** The default for this process's environment and user. */
    public static Path defaultPath() {
        return defaultPath(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path defaultPath(Map<String, String> env, Path home) {
        Objects.requireNonNull(home, "home");
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve(APP_DIR);
        }
        return home.resolve(".local").resolve("share").resolve(APP_DIR);
    }
}
