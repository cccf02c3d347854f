package dev.hwbridge.simulator.keys.sr25519;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sr25519KeyPairTest {

    private static final byte[] MESSAGE = "key pair behaviour".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHAIN_CODE = new byte[32];

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static void assertInvalidKeyWithoutSecret(Runnable call, byte[] secretInput) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(SignerException.class, e -> {
                    assertThat(e.code()).isEqualTo(SignerError.INVALID_KEY);
                    if (secretInput != null && secretInput.length > 0) {
                        assertThat(e.getMessage().toLowerCase())
                                .doesNotContain(HexFormat.of().formatHex(secretInput, 0, Math.min(4, secretInput.length)));
                    }
                });
    }

    @Test
    void miniSecretOfWrongLengthIsInvalidKey() {
        for (byte[] bad : new byte[][] {new byte[0], filled(31, 0xab), filled(33, 0xab), filled(64, 0xab)}) {
            assertInvalidKeyWithoutSecret(() -> Sr25519KeyPair.fromMiniSecret(bad), bad);
        }
        assertInvalidKeyWithoutSecret(() -> Sr25519KeyPair.fromMiniSecret(null), null);
    }

    @Test
    void secretOfWrongLengthIsInvalidKey() {
        for (byte[] bad : new byte[][] {filled(32, 0xcd), filled(63, 0xcd), filled(65, 0xcd)}) {
            assertInvalidKeyWithoutSecret(() -> Sr25519KeyPair.fromSecretBytes(bad), bad);
        }
        assertInvalidKeyWithoutSecret(() -> Sr25519KeyPair.fromSecretBytes(null), null);
    }

    @Test
    void secretWithZeroScalarIsInvalidKey() {
        byte[] secret = new byte[64];
        Arrays.fill(secret, 32, 64, (byte) 0x5a);
        // The low three bits are not part of the scalar (it is stored ×8).
        secret[0] = 0x07;
        assertInvalidKeyWithoutSecret(() -> Sr25519KeyPair.fromSecretBytes(secret), secret);
    }

    @Test
    void secretWithScalarNotBelowGroupOrderIsInvalidKey() {
        BigInteger order = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
        byte[] secret = new byte[64];
        byte[] key = order.shiftLeft(3).toByteArray();
        for (int i = 0; i < 32; i++) {
            secret[i] = key[key.length - 1 - i];
        }
        assertInvalidKeyWithoutSecret(() -> Sr25519KeyPair.fromSecretBytes(secret), secret);
        assertInvalidKeyWithoutSecret(() -> Sr25519KeyPair.fromSecretBytes(filled(64, 0xff)), filled(64, 0xff));
    }

    @Test
    void lowThreeBitsOfTheStoredScalarAreIgnoredAsInPolkadotJs() {
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(filled(32, 1))) {
            byte[] secret = pair.secretBytes();
            secret[0] |= 0x07;
            try (Sr25519KeyPair same = Sr25519KeyPair.fromSecretBytes(secret)) {
                assertThat(same.publicKey()).isEqualTo(pair.publicKey());
                assertThat(same.secretBytes()).isEqualTo(secret);
            }
        }
    }

    @Test
    void chainCodeOfWrongLengthIsInvalidKey() {
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(filled(32, 2))) {
            assertInvalidKeyWithoutSecret(() -> pair.deriveHard(new byte[31]), null);
            assertInvalidKeyWithoutSecret(() -> pair.deriveSoft(new byte[33], WitnessRng.zero()), null);
            assertInvalidKeyWithoutSecret(() -> pair.deriveHard(null), null);
            assertInvalidKeyWithoutSecret(() -> Sr25519.derivePublicSoft(pair.publicKey(), new byte[0]), null);
        }
    }

    @Test
    void softPublicDerivationRefusesBadPublicKeys() {
        assertInvalidKeyWithoutSecret(() -> Sr25519.derivePublicSoft(new byte[31], CHAIN_CODE), null);
        assertInvalidKeyWithoutSecret(() -> Sr25519.derivePublicSoft(filled(32, 0xff), CHAIN_CODE), null);
    }

    @Test
    void secretBytesRoundTripToTheSameKeyPair() {
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(filled(32, 3));
                Sr25519KeyPair again = Sr25519KeyPair.fromSecretBytes(pair.secretBytes())) {
            assertThat(again.publicKey()).isEqualTo(pair.publicKey());
            assertThat(again.sign(MESSAGE, WitnessRng.zero())).isEqualTo(pair.sign(MESSAGE, WitnessRng.zero()));
        }
    }

    @Test
    void returnedArraysAreCopies() {
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(filled(32, 4))) {
            byte[] secret = pair.secretBytes();
            byte[] publicKey = pair.publicKey();
            Arrays.fill(pair.secretBytes(), (byte) 0);
            Arrays.fill(pair.publicKey(), (byte) 0);
            assertThat(pair.secretBytes()).isEqualTo(secret);
            assertThat(pair.publicKey()).isEqualTo(publicKey);
        }
    }

    @Test
    void inputArraysAreNotKept() {
        byte[] secret;
        try (Sr25519KeyPair source = Sr25519KeyPair.fromMiniSecret(filled(32, 5))) {
            secret = source.secretBytes();
        }
        byte[] original = secret.clone();
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromSecretBytes(secret)) {
            Arrays.fill(secret, (byte) 0);
            assertThat(pair.secretBytes()).isEqualTo(original);
        }
    }

    @Test
    void closedKeyPairRefusesSecretOperationsButKeepsItsPublicKey() {
        Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(filled(32, 6));
        byte[] publicKey = pair.publicKey();
        pair.close();
        assertThatThrownBy(pair::secretBytes).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pair.sign(MESSAGE, WitnessRng.zero())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pair.deriveHard(CHAIN_CODE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pair.deriveSoft(CHAIN_CODE, WitnessRng.zero())).isInstanceOf(IllegalStateException.class);
        assertThat(pair.publicKey()).isEqualTo(publicKey);
    }

    @Test
    void toStringShowsThePublicKeyOnly() {
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(filled(32, 8))) {
            String text = pair.toString();
            byte[] secret = pair.secretBytes();
            assertThat(text).contains(HexFormat.of().formatHex(pair.publicKey()))
                    .doesNotContain(HexFormat.of().formatHex(secret, 0, 4))
                    .doesNotContain(HexFormat.of().formatHex(secret, 32, 36));
        }
    }

    @Test
    void hardAndSoftChildrenDifferFromEachOtherAndFromTheParent() {
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(filled(32, 9));
                Sr25519KeyPair hard = pair.deriveHard(CHAIN_CODE);
                Sr25519KeyPair soft = pair.deriveSoft(CHAIN_CODE, WitnessRng.zero())) {
            assertThat(hard.publicKey()).isNotEqualTo(pair.publicKey()).isNotEqualTo(soft.publicKey());
            assertThat(soft.publicKey()).isNotEqualTo(pair.publicKey());
        }
    }

    @Test
    void softDerivedNonceFollowsTheWitnessRng() {
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(filled(32, 10));
                Sr25519KeyPair zero = pair.deriveSoft(CHAIN_CODE, WitnessRng.zero());
                Sr25519KeyPair ones = pair.deriveSoft(CHAIN_CODE, out -> Arrays.fill(out, (byte) 1))) {
            assertThat(Arrays.copyOf(ones.secretBytes(), 32)).isEqualTo(Arrays.copyOf(zero.secretBytes(), 32));
            assertThat(Arrays.copyOfRange(ones.secretBytes(), 32, 64))
                    .isNotEqualTo(Arrays.copyOfRange(zero.secretBytes(), 32, 64));
        }
    }
}
