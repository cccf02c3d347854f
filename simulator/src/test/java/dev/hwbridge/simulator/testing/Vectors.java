package dev.hwbridge.simulator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.protocol.account.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The polkadot-js reference vectors ({@code /polkadot-js.json}), read once. */
public final class Vectors {

    public static final JsonNode ROOT = load();
    public static final String DEV_PHRASE = ROOT.path("constants").path("DEV_PHRASE").asText();

    private Vectors() {
    }

    /** The mnemonic entry named {@code name} ("dev", "12-word", …). */
    public static JsonNode mnemonic(String name) {
        for (JsonNode entry : ROOT.path("mnemonics")) {
            if (entry.path("name").asText().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError("no mnemonic vector " + name);
    }

    public static byte[] bytes(JsonNode hexNode) {
        return Hex.fromHex(hexNode.asText());
    }

    private static JsonNode load() {
        try (InputStream in = Vectors.class.getResourceAsStream("/polkadot-js.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
