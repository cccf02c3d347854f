package dev.hwbridge.simulator.keys.sr25519;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class Sr25519Properties {

    @Property(tries = 100)
    void signaturesVerify(@ForAll @Size(32) byte[] miniSecret, @ForAll @Size(max = 300) byte[] message) {
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(miniSecret)) {
            byte[] signature = pair.sign(message, WitnessRng.secure());
            assertThat(signature).hasSize(64);
            assertThat(Sr25519.verify(pair.publicKey(), message, signature)).isTrue();
        }
    }

    @Property(tries = 100)
    void flippingOneMessageBitBreaksTheSignature(@ForAll @Size(32) byte[] miniSecret,
            @ForAll @Size(min = 1, max = 100) byte[] message, @ForAll @IntRange(min = 0, max = 799) int bit) {
        Assume.that(bit < message.length * 8);
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(miniSecret)) {
            byte[] signature = pair.sign(message, WitnessRng.secure());
            assertThat(Sr25519.verify(pair.publicKey(), flip(message, bit), signature)).isFalse();
        }
    }

    @Property(tries = 100)
    void flippingOneSignatureBitBreaksIt(@ForAll @Size(32) byte[] miniSecret, @ForAll @Size(max = 100) byte[] message,
            @ForAll @IntRange(min = 0, max = 511) int bit) {
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(miniSecret)) {
            byte[] signature = pair.sign(message, WitnessRng.secure());
            assertThat(Sr25519.verify(pair.publicKey(), message, flip(signature, bit))).isFalse();
        }
    }

    @Property(tries = 100)
    void flippingOnePublicKeyBitBreaksTheSignature(@ForAll @Size(32) byte[] miniSecret,
            @ForAll @Size(max = 100) byte[] message, @ForAll @IntRange(min = 0, max = 255) int bit) {
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(miniSecret)) {
            byte[] signature = pair.sign(message, WitnessRng.secure());
            assertThat(Sr25519.verify(flip(pair.publicKey(), bit), message, signature)).isFalse();
        }
    }

    @Property(tries = 100)
    void softPublicDerivationMatchesSoftSecretDerivation(@ForAll @Size(32) byte[] miniSecret,
            @ForAll @Size(32) byte[] chainCode) {
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(miniSecret);
                Sr25519KeyPair child = pair.deriveSoft(chainCode, WitnessRng.secure())) {
            assertThat(Sr25519.derivePublicSoft(pair.publicKey(), chainCode)).isEqualTo(child.publicKey());
            byte[] message = chainCode.clone();
            assertThat(Sr25519.verify(child.publicKey(), message, child.sign(message, WitnessRng.secure()))).isTrue();
        }
    }

    @Property
    void junkToVerifyIsFalse(@ForAll @Size(max = 40) byte[] publicKey, @ForAll @Size(max = 80) byte[] message,
            @ForAll @Size(max = 70) byte[] signature) {
        assertThat(Sr25519.verify(publicKey, message, signature)).isFalse();
    }

    /** Right lengths and the marker set, so the junk reaches the scalar, point and equation checks. */
    @Property
    void wellShapedJunkToVerifyIsFalse(@ForAll @Size(32) byte[] publicKey, @ForAll @Size(max = 80) byte[] message,
            @ForAll @Size(64) byte[] signature) {
        signature[63] |= (byte) 0x80;
        assertThat(Sr25519.verify(publicKey, message, signature)).isFalse();
    }

    @Property(tries = 200)
    void junkSecretIsAKeyOrInvalidKey(@ForAll @Size(64) byte[] secret) {
        try (Sr25519KeyPair pair = Sr25519KeyPair.fromSecretBytes(secret)) {
            byte[] message = {1, 2, 3};
            assertThat(Sr25519.verify(pair.publicKey(), message, pair.sign(message, WitnessRng.zero()))).isTrue();
        } catch (SignerException e) {
            assertThat(e.code()).isEqualTo(SignerError.INVALID_KEY);
        }
    }

    @Property(tries = 200)
    void junkPublicKeyToSoftDerivationIsAKeyOrInvalidKey(@ForAll @Size(32) byte[] publicKey,
            @ForAll @Size(32) byte[] chainCode) {
        if (Ristretto.decompress(publicKey).isPresent()) {
            assertThat(Sr25519.derivePublicSoft(publicKey, chainCode)).hasSize(32);
        } else {
            assertThatThrownBy(() -> Sr25519.derivePublicSoft(publicKey, chainCode))
                    .isInstanceOfSatisfying(SignerException.class,
                            e -> assertThat(e.code()).isEqualTo(SignerError.INVALID_KEY));
        }
    }

    private static byte[] flip(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
