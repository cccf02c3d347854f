package dev.hwbridge.simulator.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncodedLayoutTest {

    private static final int MIN_BOX = SecretBox.TAG_LENGTH + Pkcs8Body.MIN_LENGTH;

    @ParameterizedTest
    @ValueSource(strings = {"sr25519", "ed25519", "ecdsa"})
    void splitsSaltParamsNonceAndBoxAsThePolkadotJsBreakdown(String scheme) {
        String base = "/jsonExports/" + scheme + "/encodedBreakdown";
        byte[] encoded = Base64.getDecoder().decode(Vectors.text("/jsonExports/" + scheme + "/toJsonEncrypted/encoded"));

        EncodedLayout layout = EncodedLayout.parse(encoded, MIN_BOX);

        assertThat(encoded).hasSize(Vectors.at(base + "/totalLength").asInt());
        assertThat(layout.salt()).isEqualTo(Vectors.hex(base + "/salt"));
        assertThat(layout.params()).isEqualTo(new ScryptParams(
                Vectors.at(base + "/N").asInt(), Vectors.at(base + "/p").asInt(), Vectors.at(base + "/r").asInt()));
        assertThat(layout.sealed().nonce()).isEqualTo(Vectors.hex(base + "/nonce"));
        assertThat(layout.sealed().box()).isEqualTo(Vectors.hex(base + "/secretbox"));
        assertThat(layout.toBytes()).isEqualTo(encoded);
    }

    @Test
    void parametersAreWrittenAsNThenPThenRLittleEndian() {
        EncodedLayout layout = new EncodedLayout(new byte[32], new ScryptParams(65536, 2, 8),
                new EncodedLayout.Sealed(new byte[24], new byte[0]));

        assertThat(Arrays.copyOfRange(layout.toBytes(), 32, 44))
                .containsExactly(0, 0, 1, 0, 2, 0, 0, 0, 8, 0, 0, 0);
    }

    @Test
    void disallowedParametersAreRefusedAsPolkadotJsDoes() {
        // The generator's case: N patched to 65536 with p = 1.
        byte[] encoded = Vectors.hex("/jsonExports/sr25519/deterministic/encodedHex");
        encoded[32] = 0;
        encoded[33] = 0;
        encoded[34] = 1;
        encoded[35] = 0;

        assertThatThrownBy(() -> EncodedLayout.parse(encoded, MIN_BOX))
                .isInstanceOfSatisfying(SignerException.class,
                        e -> assertThat(e.code()).isEqualTo(SignerError.UNSUPPORTED_JSON))
                .hasMessageContaining("N=65536, p=1, r=8 are not accepted");
    }

    @Test
    void hugeParametersAreRefusedWithoutRunningScrypt() {
        byte[] encoded = Vectors.hex("/jsonExports/sr25519/deterministic/encodedHex");
        Arrays.fill(encoded, 32, 44, (byte) 0xff);

        assertThatThrownBy(() -> EncodedLayout.parse(encoded, MIN_BOX))
                .isInstanceOf(SignerException.class)
                .hasMessageContaining("exceed safe limits (N=4294967295, p=4294967295, r=4294967295)");
    }

    @Test
    void tooShortInputsAreMalformed() {
        byte[] encoded = Vectors.hex("/jsonExports/sr25519/deterministic/encodedHex");

        assertThatThrownBy(() -> EncodedLayout.parse(Arrays.copyOf(encoded, 43), MIN_BOX))
                .isInstanceOfSatisfying(SignerException.class,
                        e -> assertThat(e.code()).isEqualTo(SignerError.INVALID_JSON))
                .hasMessageContaining("too short for the scrypt salt");
        assertThatThrownBy(() -> EncodedLayout.parse(Arrays.copyOf(encoded, 44 + 24 + MIN_BOX - 1), MIN_BOX))
                .isInstanceOfSatisfying(SignerException.class,
                        e -> assertThat(e.code()).isEqualTo(SignerError.INVALID_JSON))
                .hasMessageContaining("too short for a nonce");
        assertThat(EncodedLayout.parse(Arrays.copyOf(encoded, 44 + 24 + MIN_BOX), MIN_BOX).sealed().box())
                .hasSize(MIN_BOX);
    }
}
