package dev.hwbridge.simulator.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScryptKdfTest {

    @Test
    void outputMatchesPolkadotJsForTheDeterministicSalt() {
        byte[] password = JsonKeystore.passwordBytes(Vectors.text("/constants/jsonPassword"));
        byte[] salt = Vectors.hex("/jsonExports/sr25519/deterministic/salt");
        byte[] expected = Vectors.hex("/jsonExports/sr25519/deterministic/scryptOutput64");

        byte[] output = ScryptKdf.output(password, salt, ScryptParams.DEFAULT);

        assertThat(Vectors.at("/jsonExports/sr25519/deterministic/scryptDkLen").asInt()).isEqualTo(ScryptKdf.OUTPUT_LENGTH);
        assertThat(output).isEqualTo(expected);
        // All three schemes used the same password and salt.
        assertThat(Vectors.hex("/jsonExports/ecdsa/deterministic/scryptOutput64")).isEqualTo(expected);
    }

    @Test
    void theSecretBoxKeyIsTheFirstHalfOfTheOutput() {
        byte[] password = "correct horse".getBytes(StandardCharsets.UTF_8);
        byte[] salt = Vectors.hex("/jsonExports/ed25519/deterministic/salt");
        ScryptParams cheap = new ScryptParams(32768, 1, 8);

        byte[] output = ScryptKdf.output(password, salt, cheap);

        assertThat(ScryptKdf.secretBoxKey(password, salt, cheap)).isEqualTo(Arrays.copyOf(output, 32));
        assertThat(Vectors.hex("/jsonExports/ed25519/deterministic/secretboxKey"))
                .isEqualTo(Arrays.copyOf(Vectors.hex("/jsonExports/ed25519/deterministic/scryptOutput64"), 32));
    }

    @Test
    void aHexLookingPasswordIsHexDecodedBeforeScrypt() {
        String password = Vectors.text("/legacyAndEdgeDecode/hexLookingPassword/password");
        byte[] salt = Vectors.hex("/legacyAndEdgeDecode/hexLookingPassword/salt");

        byte[] output = ScryptKdf.output(JsonKeystore.passwordBytes(password), salt, ScryptParams.DEFAULT);

        assertThat(JsonKeystore.passwordBytes(password)).containsExactly(0x12, 0x34);
        assertThat(output).isEqualTo(Vectors.hex("/legacyAndEdgeDecode/hexLookingPassword/scryptOutput64"));
    }
}
