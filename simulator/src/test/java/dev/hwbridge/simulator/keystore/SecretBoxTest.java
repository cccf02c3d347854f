package dev.hwbridge.simulator.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretBoxTest {

    private static final byte[] KEY = Vectors.hex("/jsonExports/sr25519/deterministic/secretboxKey");
    private static final byte[] NONCE = Vectors.hex("/jsonExports/sr25519/deterministic/nonce");

    @ParameterizedTest
    @ValueSource(strings = {"sr25519", "ed25519", "ecdsa"})
    void sealMatchesTweetnaclForTheDeterministicVectors(String scheme) {
        String base = "/jsonExports/" + scheme;
        byte[] key = Vectors.hex(base + "/deterministic/secretboxKey");
        byte[] nonce = Vectors.hex(base + "/deterministic/nonce");
        byte[] plaintext = Vectors.hex(base + "/decryptedPkcs8");
        byte[] encoded = Vectors.hex(base + "/deterministic/encodedHex");
        byte[] expectedBox = Arrays.copyOfRange(encoded, 68, encoded.length);

        assertThat(SecretBox.seal(key, nonce, plaintext)).isEqualTo(expectedBox);
        assertThat(SecretBox.open(key, nonce, expectedBox)).isEqualTo(plaintext);
    }

    @Test
    void openRefusesATamperedTagOrCiphertext() {
        byte[] box = SecretBox.seal(KEY, NONCE, new byte[] {1, 2, 3, 4, 5});
        for (int i = 0; i < box.length; i++) {
            byte[] tampered = box.clone();
            tampered[i] ^= 0x01;
            assertThat(SecretBox.open(KEY, NONCE, tampered)).as("byte %d flipped", i).isNull();
        }
    }

    @Test
    void openRefusesAnotherKeyOrNonce() {
        byte[] box = SecretBox.seal(KEY, NONCE, new byte[] {9, 8, 7});
        byte[] otherKey = KEY.clone();
        otherKey[31] ^= (byte) 0x80;
        byte[] otherNonce = NONCE.clone();
        otherNonce[0] ^= 0x01;

        assertThat(SecretBox.open(otherKey, NONCE, box)).isNull();
        assertThat(SecretBox.open(KEY, otherNonce, box)).isNull();
    }

    @Test
    void aBoxShorterThanItsTagIsRefused() {
        assertThat(SecretBox.open(KEY, NONCE, new byte[SecretBox.TAG_LENGTH - 1])).isNull();
    }

    @Test
    void anEmptyMessageSealsToATagAlone() {
        byte[] box = SecretBox.seal(KEY, NONCE, new byte[0]);

        assertThat(box).hasSize(SecretBox.TAG_LENGTH);
        assertThat(SecretBox.open(KEY, NONCE, box)).isEmpty();
    }
}
