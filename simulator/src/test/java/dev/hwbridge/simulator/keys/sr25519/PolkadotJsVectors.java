package dev.hwbridge.simulator.keys.sr25519;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/** The polkadot-js reference vectors ({@code /polkadot-js.json} on the test classpath), read once. */
final class PolkadotJsVectors {

    private static final JsonNode ROOT = load();

    private PolkadotJsVectors() {
    }

    static JsonNode root() {
        return ROOT;
    }

    /** Decodes "0x…" hex as the vectors write it. */
    static byte[] hex(String text) {
        if (!text.startsWith("0x")) {
            throw new IllegalArgumentException("vector hex without 0x: " + text);
        }
        return HexFormat.of().parseHex(text.substring(2));
    }

    static byte[] hex(JsonNode node) {
        return hex(node.asText());
    }

    static String toHex(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    private static JsonNode load() {
        try (InputStream in = PolkadotJsVectors.class.getResourceAsStream("/polkadot-js.json")) {
            if (in == null) {
                throw new IllegalStateException("/polkadot-js.json is not on the test classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
