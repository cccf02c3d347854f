package dev.hwbridge.daemon.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The polkadot-js reference vectors on the test classpath. */
final class Vectors {

    private static JsonNode loaded;

    private Vectors() {
    }

    static synchronized JsonNode load() {
        if (loaded == null) {
            try (InputStream in = Vectors.class.getResourceAsStream("/polkadot-js.json")) {
                loaded = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }
}
