package dev.hwbridge.simulator.keys.sr25519;

import static dev.hwbridge.simulator.keys.sr25519.PolkadotJsVectors.hex;
import static dev.hwbridge.simulator.keys.sr25519.PolkadotJsVectors.root;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** sr25519 against the vectors made with polkadot-js 14 / @scure/sr25519 0.2.0. */
class Sr25519PolkadotJsVectorsTest {

    private static final JsonNode INTERNALS = root().path("sr25519Internals");

    @Test
    void miniSecretExpandsToThePolkadotJsSecretAndPublicKey() {
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(hex(INTERNALS.path("miniSecret")))) {
            assertThat(pair.secretBytes()).isEqualTo(hex(INTERNALS.path("expandedSecretKey")));
            assertThat(pair.publicKey()).isEqualTo(hex(INTERNALS.path("publicKey")));
        }
    }

    @Test
    void hardDerivationMatchesPolkadotJs() {
        JsonNode hard = INTERNALS.path("hardDerivation");
        try (Sr25519KeyPair root = Sr25519KeyPair.fromMiniSecret(hex(INTERNALS.path("miniSecret")));
                Sr25519KeyPair child = root.deriveHard(hex(hard.path("chainCode")))) {
            assertThat(child.secretBytes()).isEqualTo(hex(hard.path("secretKey")));
            assertThat(child.publicKey()).isEqualTo(hex(hard.path("publicKey")));
        }
    }

    @Test
    void softDerivationWithZeroRngMatchesPolkadotJsByteForByte() {
        JsonNode soft = INTERNALS.path("softDerivationZeroRng");
        byte[] chainCode = hex(soft.path("chainCode"));
        try (Sr25519KeyPair root = Sr25519KeyPair.fromMiniSecret(hex(INTERNALS.path("miniSecret")));
                Sr25519KeyPair child = root.deriveSoft(chainCode, WitnessRng.zero())) {
            assertThat(child.secretBytes()).isEqualTo(hex(soft.path("secretKey")));
            assertThat(child.publicKey()).isEqualTo(hex(soft.path("publicKey")));
            assertThat(Sr25519.derivePublicSoft(root.publicKey(), chainCode)).isEqualTo(hex(soft.path("publicSoft")));
        }
    }

    static Stream<Arguments> signatureVectors() {
        List<Arguments> cases = new ArrayList<>();
        root().path("signatures").forEach(v -> cases.add(Arguments.of(v.path("suri").asText(), v)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatureVectors")
    void zeroRngSignatureMatchesPolkadotJsByteForByte(String suri, JsonNode vector) {
        JsonNode sr = vector.path("sr25519");
        byte[] message = hex(vector.path("message"));
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromSecretBytes(secretKeyOf(suri))) {
            assertThat(pair.publicKey()).isEqualTo(hex(sr.path("publicKey")));
            byte[] signature = pair.sign(message, WitnessRng.zero());
            assertThat(signature).isEqualTo(hex(sr.path("deterministicSignatureZeroRng")));
            assertThat(Sr25519.verify(pair.publicKey(), message, signature)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatureVectors")
    void polkadotJsRandomSignaturesVerify(String suri, JsonNode vector) {
        JsonNode sr = vector.path("sr25519");
        byte[] publicKey = hex(sr.path("publicKey"));
        byte[] message = hex(vector.path("message"));
        byte[] sample = hex(sr.path("sampleSignature"));
        assertThat(Sr25519.verify(publicKey, message, sample)).isTrue();
        assertThat(Sr25519.verify(publicKey, hex(vector.path("wrappedBytesMessage")), sample)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatureVectors")
    void ourRandomSignaturesVerifyAndDiffer(String suri, JsonNode vector) {
        byte[] message = hex(vector.path("message"));
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromSecretBytes(secretKeyOf(suri))) {
            byte[] first = pair.sign(message, WitnessRng.secure());
            byte[] second = pair.sign(message, WitnessRng.secure());
            assertThat(first).isNotEqualTo(second);
            assertThat(Sr25519.verify(pair.publicKey(), message, first)).isTrue();
            assertThat(Sr25519.verify(pair.publicKey(), message, second)).isTrue();
        }
    }

    static Stream<Arguments> derivations() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode mnemonic : root().path("mnemonics")) {
            for (JsonNode derivation : mnemonic.path("derivations")) {
                cases.add(Arguments.of(mnemonic.path("name").asText() + " '" + derivation.path("path").asText() + "'",
                        mnemonic, derivation));
            }
        }
        return cases.stream();
    }

    @Test
    void everySr25519DerivationOfTheVectorsIsCovered() {
        // The generator cross-checked these same derivations with Rust schnorrkel 0.9.1.
        JsonNode crossCheck = root().path("sr25519CrossCheckWithSchnorrkel");
        assertThat(crossCheck.path("mismatches")).isEmpty();
        assertThat(derivations()).hasSize(crossCheck.path("compared").asInt());
    }

    /** Walks the path's junction chain codes from the mini-secret of the path's password. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("derivations")
    void derivationMatchesPolkadotJs(String name, JsonNode mnemonic, JsonNode derivation) {
        JsonNode expected = derivation.path("sr25519");
        String password = derivation.path("suriPassword").isNull() ? "" : derivation.path("suriPassword").asText();
        Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(hex(mnemonic.path("miniSecret").path(password)));
        for (JsonNode junction : derivation.path("junctions")) {
            byte[] chainCode = hex(junction.path("chainCode"));
            Sr25519KeyPair child = junction.path("isHard").asBoolean()
                    ? pair.deriveHard(chainCode)
                    : pair.deriveSoft(chainCode, WitnessRng.secure());
            if (!junction.path("isHard").asBoolean()) {
                assertThat(Sr25519.derivePublicSoft(pair.publicKey(), chainCode)).isEqualTo(child.publicKey());
            }
            pair.close();
            pair = child;
        }
        try (Sr25519KeyPair derived = pair) {
            assertThat(derived.publicKey()).isEqualTo(hex(expected.path("publicKey")));
            byte[] secret = derived.secretBytes();
            if (expected.has("secretKey")) {
                assertThat(secret).isEqualTo(hex(expected.path("secretKey")));
            } else {
                // A soft last step has a random nonce; only the scalar half is deterministic.
                assertThat(expected.path("secretKeyNonceRandomized").asBoolean()).isTrue();
                assertThat(Arrays.copyOf(secret, 32)).isEqualTo(hex(expected.path("secretKeyScalarPart")));
            }
        }
    }

    /** The 64-byte secret of a signing SURI (phrase + hard path), from the mnemonic vectors. */
    private static byte[] secretKeyOf(String suri) {
        for (JsonNode mnemonic : root().path("mnemonics")) {
            String phrase = mnemonic.path("phrase").asText();
            if (!suri.startsWith(phrase)) {
                continue;
            }
            String path = suri.substring(phrase.length());
            for (JsonNode derivation : mnemonic.path("derivations")) {
                if (derivation.path("path").asText().equals(path)) {
                    return hex(derivation.path("sr25519").path("secretKey"));
                }
            }
        }
        throw new IllegalStateException("no mnemonic vector for " + suri);
    }
}
