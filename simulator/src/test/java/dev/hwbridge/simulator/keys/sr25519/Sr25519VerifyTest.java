package dev.hwbridge.simulator.keys.sr25519;

import static org.assertj.core.api.Assertions.assertThat;

import cafe.cryptography.curve25519.Scalar;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Sr25519VerifyTest {

    /** ℓ, the order of the Ristretto group. */
    private static final BigInteger GROUP_ORDER =
            BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    private static final byte[] MESSAGE = "verify edge cases".getBytes(StandardCharsets.US_ASCII);

    private static Sr25519KeyPair pair() {
        byte[] mini = new byte[32];
        Arrays.fill(mini, (byte) 7);
        return Sr25519KeyPair.fromMiniSecret(mini);
    }

    @Test
    void validSignatureVerifies() {
        try (Sr25519KeyPair pair = pair()) {
            assertThat(Sr25519.verify(pair.publicKey(), MESSAGE, pair.sign(MESSAGE, WitnessRng.zero()))).isTrue();
        }
    }

    @Test
    void signatureWithoutSchnorrkelMarkerIsRejected() {
        try (Sr25519KeyPair pair = pair()) {
            byte[] signature = pair.sign(MESSAGE, WitnessRng.zero());
            assertThat(signature[63] & 0x80).isEqualTo(0x80);
            signature[63] &= 0x7f;
            assertThat(Sr25519.verify(pair.publicKey(), MESSAGE, signature)).isFalse();
        }
    }

    /** s + ℓ is the same residue, so only the canonical-scalar rule (as schnorrkel's) rejects it. */
    @Test
    void nonCanonicalScalarIsRejected() {
        try (Sr25519KeyPair pair = pair()) {
            byte[] signature = pair.sign(MESSAGE, WitnessRng.zero());
            byte[] sLe = Arrays.copyOfRange(signature, 32, 64);
            sLe[31] &= 0x7f;
            byte[] sPlusL = toLittleEndian32(fromLittleEndian(sLe).add(GROUP_ORDER));
            assertThat(sPlusL[31] & 0x80).isZero();
            byte[] forged = signature.clone();
            System.arraycopy(sPlusL, 0, forged, 32, 32);
            forged[63] |= (byte) 0x80;
            assertThat(forged).isNotEqualTo(signature);
            assertThat(Sr25519.verify(pair.publicKey(), MESSAGE, forged)).isFalse();
        }
    }

    /** With A = identity and R = identity, s = 0 satisfies the equation; @scure/sr25519 refuses A = 0. */
    @Test
    void identityPublicKeyIsRejected() {
        byte[] identity = new byte[32];
        byte[] signature = new byte[64];
        signature[63] = (byte) 0x80;
        assertThat(Sr25519.verify(identity, MESSAGE, signature)).isFalse();
    }

    @Test
    void publicKeyThatIsNotAPointIsRejected() {
        try (Sr25519KeyPair pair = pair()) {
            byte[] notAPoint = new byte[32];
            Arrays.fill(notAPoint, (byte) 0xff);
            assertThat(Sr25519.verify(notAPoint, MESSAGE, pair.sign(MESSAGE, WitnessRng.zero()))).isFalse();
        }
    }

    @Test
    void wrongLengthsAndNullsAreFalse() {
        try (Sr25519KeyPair pair = pair()) {
            byte[] publicKey = pair.publicKey();
            byte[] signature = pair.sign(MESSAGE, WitnessRng.zero());
            assertThat(Sr25519.verify(Arrays.copyOf(publicKey, 31), MESSAGE, signature)).isFalse();
            assertThat(Sr25519.verify(Arrays.copyOf(publicKey, 33), MESSAGE, signature)).isFalse();
            assertThat(Sr25519.verify(publicKey, MESSAGE, Arrays.copyOf(signature, 63))).isFalse();
            assertThat(Sr25519.verify(publicKey, MESSAGE, Arrays.copyOf(signature, 65))).isFalse();
            assertThat(Sr25519.verify(null, MESSAGE, signature)).isFalse();
            assertThat(Sr25519.verify(publicKey, null, signature)).isFalse();
            assertThat(Sr25519.verify(publicKey, MESSAGE, null)).isFalse();
        }
    }

    @Test
    void signatureIsBoundToTheSubstrateContext() {
        try (Sr25519KeyPair pair = pair()) {
            assertThat(Sr25519.verify(pair.publicKey(), MESSAGE, signUnder("substrate", pair))).isTrue();
            assertThat(Sr25519.verify(pair.publicKey(), MESSAGE, signUnder("not substrate", pair))).isFalse();
        }
    }

    /** Signs MESSAGE by hand, as SchnorrSignature does, under any context. */
    private static byte[] signUnder(String context, Sr25519KeyPair pair) {
        byte[] secret = pair.secretBytes();
        Scalar x = Scalar.fromBytesModOrder(ScalarBytes.divideByCofactor(secret, 0));
        Transcript t = SigningContext.signing(context, MESSAGE);
        t.appendMessage("proto-name", Transcript.ascii("Schnorr-sig"));
        t.appendMessage("sign:pk", pair.publicKey());
        Scalar r = SigningContext.witnessScalar(t, "signing", WitnessRng.zero(), Arrays.copyOfRange(secret, 32, 64));
        byte[] bigR = Ristretto.basepointTimes(r);
        t.appendMessage("sign:R", bigR);
        byte[] s = SigningContext.challengeScalar(t, "sign:c").multiply(x).add(r).toByteArray();
        byte[] signature = Arrays.copyOf(bigR, 64);
        System.arraycopy(s, 0, signature, 32, 32);
        signature[63] |= (byte) 0x80;
        return signature;
    }

    private static BigInteger fromLittleEndian(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] toLittleEndian32(BigInteger n) {
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = n.shiftRight(8 * i).byteValue();
        }
        return out;
    }
}
