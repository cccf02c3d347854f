package dev.hwbridge.simulator.keys;

import static dev.hwbridge.simulator.keys.PolkadotJsVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.Junction;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code hdkdInternals}: the ed25519 and ecdsa hard-derivation prefixes and children of //Alice. */
class HardDerivationTest {

    private static final JsonNode INTERNALS = PolkadotJsVectors.ROOT.get("hdkdInternals");

    @ParameterizedTest
    @EnumSource(value = KeyScheme.class, names = {"ED25519", "ECDSA"})
    void hardChildMatchesPolkadotJs(KeyScheme scheme) {
        JsonNode expected = INTERNALS.get(scheme.id());
        assertThat(Hex.toHex(HardDerivation.prefix(scheme))).isEqualTo(expected.get("prefix").asText());

        Junction alice = Junction.parse("Alice", true);
        assertThat(Hex.toHex(alice.chainCode())).isEqualTo(INTERNALS.get("chainCodeAlice").asText());
        byte[] parentSeed = bytes(INTERNALS.get("parentSeed"));
        assertThat(Hex.toHex(HardDerivation.childSecret(HardDerivation.prefix(scheme), parentSeed, alice)))
                .isEqualTo(expected.get("childSeed").asText());

        try (KeyPair parent = Keys.fromSeed(scheme, parentSeed); KeyPair child = parent.derive(alice)) {
            assertThat(Hex.toHex(child.publicKey())).isEqualTo(expected.get("childPublicKey").asText());
            byte[] childSecret = child.pkcs8Secret();
            assertThat(Hex.toHex(childSecret)).startsWith(expected.get("childSeed").asText());
        }
    }

    @ParameterizedTest
    @EnumSource(value = KeyScheme.class, names = {"ED25519", "ECDSA"})
    void softJunctionIsRefused(KeyScheme scheme) {
        try (KeyPair parent = Keys.fromSeed(scheme, bytes(INTERNALS.get("parentSeed")))) {
            assertThatThrownBy(() -> parent.derive(Junction.parse("soft", false)))
                    .isInstanceOf(SignerException.class)
                    .hasMessageContaining(scheme.id())
                    .extracting(e -> ((SignerException) e).code()).isEqualTo(SignerError.INVALID_PATH);
        }
    }
}
