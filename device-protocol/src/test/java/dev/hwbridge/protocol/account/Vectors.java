package dev.hwbridge.protocol.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The polkadot-js reference vectors ({@code /polkadot-js.json} on the test classpath), read once. */
final class Vectors {

    private static final JsonNode ROOT = load();

    private Vectors() {
    }

    static JsonNode root() {
        return ROOT;
    }

    /** Every {@code mnemonics[].derivations[]} entry. */
    static List<JsonNode> derivations() {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode mnemonic : ROOT.get("mnemonics")) {
            mnemonic.get("derivations").forEach(all::add);
        }
        return all;
    }

    static byte[] hex(JsonNode node) {
        // Some fields carry a trailing remark after the hex ("0x…  (= blake2b-256 of …)").
        return Hex.fromHex(node.asText().split(" ")[0]);
    }

    private static JsonNode load() {
        try (InputStream in = Vectors.class.getResourceAsStream("/polkadot-js.json")) {
            if (in == null) {
                throw new IllegalStateException("/polkadot-js.json is not on the test classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
