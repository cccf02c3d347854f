package dev.hwbridge.simulator.keys;

import static dev.hwbridge.simulator.keys.PolkadotJsVectors.assertJunctions;
import static dev.hwbridge.simulator.keys.PolkadotJsVectors.assertPathRefused;
import static dev.hwbridge.simulator.keys.PolkadotJsVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.protocol.account.AccountId;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code mnemonics[].derivations[]} entry of the polkadot-js vectors, for all three schemes. */
class KeysVectorsTest {

    static Stream<Arguments> derivations() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode mnemonic : PolkadotJsVectors.ROOT.get("mnemonics")) {
            for (JsonNode derivation : mnemonic.get("derivations")) {
                for (KeyScheme scheme : KeyScheme.values()) {
                    cases.add(Arguments.of(mnemonic.get("name").asText() + " " + scheme + " '"
                            + derivation.get("path").asText() + "'", mnemonic.get("phrase").asText(),
                            derivation, scheme));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("derivations")
    void derivationMatchesPolkadotJs(String name, String phrase, JsonNode derivation, KeyScheme scheme) {
        SecretUri uri = SecretUri.parse(phrase + derivation.get("path").asText());
        assertThat(uri.kind()).isEqualTo(SecretUri.Kind.MNEMONIC);
        assertThat(uri.path().toString()).isEqualTo(derivation.get("derivePath").asText());
        assertThat(uri.hasPassword()).isEqualTo(!derivation.get("suriPassword").isNull());
        assertJunctions(uri, derivation.get("junctions"),
                (junction, vector) -> assertThat(junction.hard()).isEqualTo(vector.get("isHard").asBoolean()));

        JsonNode expected = derivation.get(scheme.id());
        if (expected.has("error")) {
            assertPathRefused(scheme, uri);
            return;
        }
        try (KeyPair pair = Keys.fromUri(scheme, uri)) {
            assertThat(pair.scheme()).isEqualTo(scheme);
            assertThat(Hex.toHex(pair.publicKey())).isEqualTo(expected.get("publicKey").asText());
            byte[] secret = pair.pkcs8Secret();
            if (expected.has("secretKey")) {
                assertThat(Hex.toHex(secret)).isEqualTo(expected.get("secretKey").asText());
            } else {
                // sr25519 ending in a soft junction: the nonce half is random, the scalar half is not.
                assertThat(Hex.toHex(Arrays.copyOf(secret, 32)))
                        .isEqualTo(expected.get("secretKeyScalarPart").asText());
            }
            Iterator<Map.Entry<String, JsonNode>> addresses = expected.get("addresses").fields();
            while (addresses.hasNext()) {
                Map.Entry<String, JsonNode> address = addresses.next();
                assertThat(Ss58.encode(AccountId.of(scheme, pair.publicKey()),
                        Ss58Prefix.of(Integer.parseInt(address.getKey()))))
                        .isEqualTo(address.getValue().asText());
            }
            if (scheme == KeyScheme.ECDSA) {
                assertThat(Hex.toHex(AccountId.of(scheme, pair.publicKey())))
                        .isEqualTo(expected.get("accountId").asText().split(" ")[0]);
            }
        }
    }

    /** The derivations whose full secret key is deterministic. */
    static Stream<Arguments> derivationsWithSecretKey() {
        return derivations().filter(arguments -> {
            Object[] values = arguments.get();
            return ((JsonNode) values[2]).get(((KeyScheme) values[3]).id()).has("secretKey");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("derivationsWithSecretKey")
    void secretKeyRoundTripsThroughPkcs8(String name, String phrase, JsonNode derivation, KeyScheme scheme) {
        JsonNode expected = derivation.get(scheme.id());
        try (KeyPair pair = Keys.fromPkcs8Secret(scheme, bytes(expected.get("secretKey")))) {
            assertThat(Hex.toHex(pair.publicKey())).isEqualTo(expected.get("publicKey").asText());
            assertThat(Hex.toHex(pair.pkcs8Secret())).isEqualTo(expected.get("secretKey").asText());
        }
    }
}
