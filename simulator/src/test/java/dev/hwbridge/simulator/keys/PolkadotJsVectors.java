package dev.hwbridge.simulator.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.Junction;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiConsumer;

/** The polkadot-js reference vectors ({@code /polkadot-js.json}), read once, and checks against them. */
final class PolkadotJsVectors {

    static final JsonNode ROOT = load();

    private PolkadotJsVectors() {
    }

    static byte[] bytes(JsonNode hexNode) {
        return Hex.fromHex(hexNode.asText());
    }

    /**
     * Checks {@code uri}'s junctions against a vector's {@code junctions} array: the count, then for
     * each junction what {@code check} checks and its chain code.
     */
    static void assertJunctions(SecretUri uri, JsonNode junctions, BiConsumer<Junction, JsonNode> check) {
        List<Junction> actual = uri.path().junctions();
        assertThat(actual).hasSize(junctions.size());
        for (int i = 0; i < junctions.size(); i++) {
            check.accept(actual.get(i), junctions.get(i));
            assertThat(Hex.toHex(actual.get(i).chainCode())).isEqualTo(junctions.get(i).get("chainCode").asText());
        }
    }

    /** Checks that {@code scheme} refuses {@code uri}'s path with INVALID_PATH, where a vector has an "error". */
    static void assertPathRefused(KeyScheme scheme, SecretUri uri) {
        assertThatThrownBy(() -> Keys.fromUri(scheme, uri))
                .isInstanceOf(SignerException.class)
                .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.INVALID_PATH);
    }

    private static JsonNode load() {
        try (InputStream in = PolkadotJsVectors.class.getResourceAsStream("/polkadot-js.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
