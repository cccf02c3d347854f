package dev.hwbridge.simulator.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Pkcs8BodyTest {

    @Test
    void headerAndDividerAreThePolkadotJsConstants() {
        assertThat(Pkcs8Body.PAIR_HDR).isEqualTo(Vectors.hex("/constants/PAIR_HDR"));
        assertThat(Pkcs8Body.PAIR_DIV).isEqualTo(Vectors.hex("/constants/PAIR_DIV"));
    }

    @ParameterizedTest
    @EnumSource(KeyScheme.class)
    void generationThreeBodiesSplitAsPolkadotJsBreaksThemDown(KeyScheme scheme) {
        String base = "/jsonExports/" + scheme.id();
        byte[] plaintext = Vectors.hex(base + "/decryptedPkcs8");

        Pkcs8Body body = Pkcs8Body.decode(plaintext, scheme);

        assertThat(body.secret()).isEqualTo(Vectors.hex(base + "/decryptedBreakdown/secretKey"));
        assertThat(body.publicKey()).isEqualTo(Vectors.hex(base + "/decryptedBreakdown/publicKey"));
        assertThat(body.encode()).isEqualTo(plaintext);
    }

    @Test
    void ecdsaKeepsTheWhole33ByteKeyWherePolkadotJsCutsIt() {
        byte[] plaintext = Vectors.hex("/legacyAndEdgeDecode/ecdsaDecode/plaintext");
        byte[] truncated = Vectors.hex("/legacyAndEdgeDecode/ecdsaDecode/decodedPublicKeyTruncated");

        Pkcs8Body body = Pkcs8Body.decode(plaintext, KeyScheme.ECDSA);

        assertThat(body.secret()).hasSize(Vectors.at("/legacyAndEdgeDecode/ecdsaDecode/decodedSecretLength").asInt());
        assertThat(body.publicKey()).hasSize(33).startsWith(truncated);
        assertThat(body.publicKey()).isEqualTo(Vectors.hex("/jsonExports/ecdsa/publicKey"));
    }

    @Test
    void generationOneAndTwoSeedLayoutFallsBackToTheShortDivider() {
        byte[] plaintext = Vectors.hex("/legacyAndEdgeDecode/seedLayoutGen12/plaintext");

        Pkcs8Body body = Pkcs8Body.decode(plaintext, KeyScheme.ED25519);

        assertThat(body.secret()).hasSize(Vectors.at("/legacyAndEdgeDecode/seedLayoutGen12/decodedSecretLength").asInt())
                .isEqualTo(Vectors.hex("/constants/DEV_SEED"));
        assertThat(body.publicKey()).isEqualTo(Vectors.hex("/legacyAndEdgeDecode/seedLayoutGen12/decodedPublicKey"));
    }

    @Test
    void publicOnlyHardwareBodyDecodesToAnEmptySecret() {
        byte[] plaintext = Vectors.hex("/external/toJsonEncodedHex");

        Pkcs8Body body = Pkcs8Body.decode(plaintext, KeyScheme.ED25519);

        assertThat(body.isPublicOnly()).isTrue();
        assertThat(body.publicKey()).isEqualTo(Arrays.copyOfRange(plaintext, 21, 53));
        assertThat(body.encode()).isEqualTo(plaintext);
    }

    @Test
    void aWrongHeaderIsRefused() {
        byte[] plaintext = Vectors.hex("/jsonExports/sr25519/decryptedPkcs8");
        plaintext[3] ^= 1;

        assertInvalid(plaintext, KeyScheme.SR25519, "no pkcs8 header");
        assertInvalid(new byte[5], KeyScheme.SR25519, "no pkcs8 header");
    }

    @Test
    void aMissingDividerIsRefused() {
        byte[] plaintext = Vectors.hex("/jsonExports/sr25519/decryptedPkcs8");
        plaintext[80] ^= 1;

        assertInvalid(plaintext, KeyScheme.SR25519, "no pkcs8 divider");
        assertInvalid(Pkcs8Body.PAIR_HDR.clone(), KeyScheme.SR25519, "no pkcs8 divider");
    }

    @Test
    void aPublicKeyOfTheWrongLengthIsRefused() {
        byte[] plaintext = Vectors.hex("/jsonExports/sr25519/decryptedPkcs8");

        assertInvalid(Arrays.copyOf(plaintext, plaintext.length - 1), KeyScheme.SR25519, "31 bytes");
        assertInvalid(Arrays.copyOf(plaintext, plaintext.length + 1), KeyScheme.SR25519, "33 bytes");
        // An sr25519 body read as ecdsa: 32 bytes where ecdsa wants 33.
        assertInvalid(plaintext, KeyScheme.ECDSA, "ecdsa keys are 33");
    }

    @Test
    void anEcdsaBodyWithA64ByteSecretIsRefused() {
        byte[] secret = new byte[64];
        byte[] plaintext = new Pkcs8Body(secret, new byte[33]).encode();

        assertInvalid(plaintext, KeyScheme.ECDSA, "an ecdsa secret is 32 bytes");
    }

    @Test
    void toStringAndCloseKeepTheSecretPrivate() {
        byte[] secret = new byte[64];
        Arrays.fill(secret, (byte) 0x5a);
        Pkcs8Body body = new Pkcs8Body(secret, new byte[32]);

        assertThat(body.toString()).isEqualTo("Pkcs8Body[secret=64 bytes, publicKey=32 bytes]");
        body.close();
        assertThat(secret).containsOnly(0);
    }

    private static void assertInvalid(byte[] plaintext, KeyScheme scheme, String message) {
        assertThatThrownBy(() -> Pkcs8Body.decode(plaintext, scheme))
                .isInstanceOfSatisfying(SignerException.class,
                        e -> assertThat(e.code()).isEqualTo(SignerError.INVALID_JSON))
                .hasMessageContaining(message);
    }
}
