package dev.hwbridge.simulator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The polkadot-js reference vectors ({@code /polkadot-js.json} on the test class path). */
final class Vectors {

    static final JsonNode ROOT = load();

    private Vectors() {
    }

    static String devPhrase() {
        return ROOT.at("/constants/DEV_PHRASE").asText();
    }

    private static JsonNode load() {
        try (InputStream in = Vectors.class.getResourceAsStream("/polkadot-js.json")) {
            if (in == null) {
                throw new IllegalStateException("/polkadot-js.json is not on the test class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
