package dev.hwbridge.simulator.keys;

import static dev.hwbridge.simulator.keys.PolkadotJsVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.keys.sr25519.WitnessRng;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code signatures[]} vectors: deterministic ed25519/ecdsa byte for byte, sr25519 by verification. */
class SignaturesTest {

    static Stream<JsonNode> signatureVectors() {
        return StreamSupport.stream(PolkadotJsVectors.ROOT.get("signatures").spliterator(), false);
    }

    @ParameterizedTest
    @MethodSource("signatureVectors")
    void ed25519SignatureIsByteExact(JsonNode vector) {
        JsonNode expected = vector.get("ed25519");
        try (KeyPair pair = Keys.fromUri(KeyScheme.ED25519, SecretUri.parse(vector.get("suri").asText()))) {
            byte[] signature = pair.sign(bytes(vector.get("message")));
            assertThat(Hex.toHex(pair.publicKey())).isEqualTo(expected.get("publicKey").asText());
            assertThat(Hex.toHex(signature)).isEqualTo(expected.get("signature").asText());
            assertThat(Hex.toHex(withType(KeyScheme.ED25519, signature)))
                    .isEqualTo(expected.get("signatureWithType").asText());
            assertThat(Signatures.verify(KeyScheme.ED25519, pair.publicKey(), bytes(vector.get("message")),
                    signature)).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("signatureVectors")
    void ecdsaSignatureIsByteExactWithItsRecoveryId(JsonNode vector) {
        JsonNode expected = vector.get("ecdsa");
        byte[] message = bytes(vector.get("message"));
        try (KeyPair pair = Keys.fromUri(KeyScheme.ECDSA, SecretUri.parse(vector.get("suri").asText()))) {
            byte[] signature = pair.sign(message);
            assertThat(Hex.toHex(signature)).isEqualTo(expected.get("signature").asText());
            assertThat(Hex.toHex(withType(KeyScheme.ECDSA, signature)))
                    .isEqualTo(expected.get("signatureWithType").asText());
            assertThat(Signatures.verify(KeyScheme.ECDSA, pair.publicKey(), message, signature)).isTrue();
            assertThat(Signatures.verify(KeyScheme.ECDSA, pair.publicKey(), message, Arrays.copyOf(signature, 64)))
                    .isTrue();
            // The recovery id really recovers the signer (what polkadot-js signatureVerify relies on).
            byte[] hash = bytes(expected.get("messageHashBlake2_256"));
            assertThat(Secp256k1.recover(hash, new BigInteger(1, Arrays.copyOfRange(signature, 0, 32)),
                    new BigInteger(1, Arrays.copyOfRange(signature, 32, 64)), signature[64]))
                    .isEqualTo(pair.publicKey());
        }
    }

    @ParameterizedTest
    @MethodSource("signatureVectors")
    void sr25519SampleSignatureFromPolkadotJsVerifies(JsonNode vector) {
        JsonNode expected = vector.get("sr25519");
        byte[] message = bytes(vector.get("message"));
        byte[] publicKey = bytes(expected.get("publicKey"));
        assertThat(Signatures.verify(KeyScheme.SR25519, publicKey, message, bytes(expected.get("sampleSignature"))))
                .isTrue();
        assertThat(Signatures.verify(KeyScheme.SR25519, publicKey, message,
                bytes(expected.get("deterministicSignatureZeroRng")))).isTrue();
        byte[] other = message.clone();
        other[0] ^= 1;
        assertThat(Signatures.verify(KeyScheme.SR25519, publicKey, other, bytes(expected.get("sampleSignature"))))
                .isFalse();
    }

    @ParameterizedTest
    @MethodSource("signatureVectors")
    void sr25519SignatureWithAZeroWitnessIsByteExact(JsonNode vector) {
        JsonNode expected = vector.get("sr25519");
        SecretUri uri = SecretUri.parse(vector.get("suri").asText());
        byte[] seed = uri.seed();
        try (Sr25519Keys root = Sr25519Keys.fromMiniSecret(seed, WitnessRng.zero());
                KeyPair pair = Keys.derive(root, uri.path())) {
            assertThat(Hex.toHex(pair.publicKey())).isEqualTo(expected.get("publicKey").asText());
            assertThat(Hex.toHex(pair.sign(bytes(vector.get("message")))))
                    .isEqualTo(expected.get("deterministicSignatureZeroRng").asText());
        }
    }

    @Test
    void sr25519SignaturesOfTheDeviceAreRandomisedAndVerify() {
        byte[] message = bytes(PolkadotJsVectors.ROOT.get("constants").get("message"));
        try (KeyPair pair = Keys.fromUri(KeyScheme.SR25519, SecretUri.parse("//Alice"))) {
            byte[] first = pair.sign(message);
            byte[] second = pair.sign(message);
            assertThat(first).isNotEqualTo(second);
            assertThat(first[63] & 0x80).as("schnorrkel marker bit").isEqualTo(0x80);
            assertThat(Signatures.verify(KeyScheme.SR25519, pair.publicKey(), message, first)).isTrue();
            assertThat(Signatures.verify(KeyScheme.SR25519, pair.publicKey(), message, second)).isTrue();
        }
    }

    @Test
    void malformedInputGivesFalseNeverAnException() {
        byte[] message = {1, 2, 3};
        for (KeyScheme scheme : KeyScheme.values()) {
            assertThat(Signatures.verify(scheme, null, message, new byte[64])).isFalse();
            assertThat(Signatures.verify(scheme, new byte[32], null, new byte[64])).isFalse();
            assertThat(Signatures.verify(scheme, new byte[32], message, null)).isFalse();
            assertThat(Signatures.verify(scheme, new byte[0], message, new byte[0])).isFalse();
            assertThat(Signatures.verify(scheme, new byte[33], message, new byte[65])).isFalse();
            assertThat(Signatures.verify(scheme, new byte[32], message, new byte[64])).isFalse();
        }
        assertThat(Signatures.verify(null, new byte[32], message, new byte[64])).isFalse();
        // 0x05 is no point prefix; an x of 2^256 - 1 is not even a field element.
        byte[] notAPrefix = new byte[33];
        notAPrefix[0] = 5;
        assertThat(Signatures.verify(KeyScheme.ECDSA, notAPrefix, message, new byte[65])).isFalse();
        byte[] maxX = new byte[33];
        Arrays.fill(maxX, (byte) 0xff);
        maxX[0] = 2;
        assertThat(Signatures.verify(KeyScheme.ECDSA, maxX, message, new byte[65])).isFalse();
    }

    @Test
    void ecdsaSignatureOfAnotherKeyDoesNotVerify() {
        byte[] message = {42};
        try (KeyPair alice = Keys.fromUri(KeyScheme.ECDSA, SecretUri.parse("//Alice"));
                KeyPair bob = Keys.fromUri(KeyScheme.ECDSA, SecretUri.parse("//Bob"))) {
            assertThat(Signatures.verify(KeyScheme.ECDSA, bob.publicKey(), message, alice.sign(message))).isFalse();
        }
    }

    private static byte[] withType(KeyScheme scheme, byte[] signature) {
        byte[] typed = new byte[signature.length + 1];
        typed[0] = scheme.multiSignatureIndex();
        System.arraycopy(signature, 0, typed, 1, signature.length);
        return typed;
    }
}
