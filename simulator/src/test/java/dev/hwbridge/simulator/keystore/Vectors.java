package dev.hwbridge.simulator.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.protocol.account.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The polkadot-js reference vectors ({@code /polkadot-js.json}), loaded once. */
final class Vectors {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode ROOT = load();

    private Vectors() {
    }

    static JsonNode root() {
        return ROOT;
    }

    static JsonNode at(String pointer) {
        JsonNode node = ROOT.at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalStateException("no vector at " + pointer);
        }
        return node;
    }

    static byte[] hex(String pointer) {
        return Hex.fromHex(at(pointer).asText());
    }

    static String text(String pointer) {
        return at(pointer).asText();
    }

    /** The compact JSON text of a vector object, which is how JSON.stringify lays it out. */
    static String json(String pointer) {
        try {
            return MAPPER.writeValueAsString(at(pointer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses JSON text that tests made themselves and expect to be an object. */
    static ObjectNode object(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode load() {
        try (InputStream in = Vectors.class.getResourceAsStream("/polkadot-js.json")) {
            if (in == null) {
                throw new IllegalStateException("/polkadot-js.json is not on the test classpath");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
