package dev.hwbridge.simulator.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.protocol.account.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The polkadot-js reference vectors ({@code /polkadot-js.json}), read once. */
final class PolkadotJsVectors {

    static final JsonNode ROOT = load();

    private PolkadotJsVectors() {
    }

    static byte[] bytes(JsonNode hexNode) {
        return Hex.fromHex(hexNode.asText());
    }

    private static JsonNode load() {
        try (InputStream in = PolkadotJsVectors.class.getResourceAsStream("/polkadot-js.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
