package dev.hwbridge.daemon.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The daemon's version, as Maven filtered it into {@code version.properties} at build time. */
public final class DaemonVersion {

    /** The JSON-RPC API's version in {@code bridge.info}; bumped on an incompatible change. */
    public static final int PROTOCOL_VERSION = 1;

    private static final String VERSION = load();

    private DaemonVersion() {
    }

    /** E.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = DaemonVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
