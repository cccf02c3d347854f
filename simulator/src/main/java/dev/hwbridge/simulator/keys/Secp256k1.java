package dev.hwbridge.simulator.keys;

import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * secp256k1 as polkadot-js uses it for "ecdsa" accounts: 33-byte compressed public keys and
 * recoverable signatures r ‖ s ‖ recovery id, RFC 6979 nonces, low s. Signing and verifying take
 * the 32-byte message hash; hashing is the caller's. Stateless and thread-safe.
 *
 * <p>Hazard: the private scalar passes through {@link BigInteger}s, which cannot be zeroed.
 */
final class Secp256k1 {

    static final int SECRET_LENGTH = 32;
    static final int PUBLIC_KEY_LENGTH = 33;
    static final int SIGNATURE_LENGTH = 65;
    static final int COMPACT_SIGNATURE_LENGTH = 64;

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final BigInteger FIELD_PRIME = CURVE.getCurve().getField().getCharacteristic();

    private Secp256k1() {
    }

    /**
     * The compressed public key of a 32-byte big-endian private key.
     *
     * @throws SignerException INVALID_KEY unless 1 ≤ key < n (polkadot-js refuses those too)
     */
    static byte[] publicKey(byte[] secret32) {
        return new FixedPointCombMultiplier().multiply(CURVE.getG(), scalar(secret32)).getEncoded(true);
    }

    /** 65 bytes r ‖ s ‖ recovery id over a 32-byte hash, deterministic (RFC 6979, HMAC-SHA256), low s. */
    static byte[] sign(byte[] secret32, byte[] publicKey33, byte[] hash32) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(scalar(secret32), DOMAIN));
        BigInteger[] rs = signer.generateSignature(hash32);
        BigInteger r = rs[0];
        // Bitcoin/Substrate only accept the lower of s and n - s; noble and libsecp256k1 both normalise.
        BigInteger s = rs[1].compareTo(HALF_N) > 0 ? N.subtract(rs[1]) : rs[1];
        byte[] signature = new byte[SIGNATURE_LENGTH];
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, r), 0, signature, 0, 32);
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, signature, 32, 32);
        signature[64] = (byte) recoveryId(hash32, r, s, publicKey33);
        return signature;
    }

    /**
     * Whether the first 64 bytes (r ‖ s) are a valid signature of the hash by the key; a 65th
     * byte (the recovery id) is ignored. False, never an exception, for malformed input.
     */
    static boolean verify(byte[] publicKey33, byte[] hash32, byte[] signature) {
        if (publicKey33.length != PUBLIC_KEY_LENGTH
                || (signature.length != SIGNATURE_LENGTH && signature.length != COMPACT_SIGNATURE_LENGTH)) {
            return false;
        }
        ECPoint point = decode(publicKey33);
        if (point == null) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(point, DOMAIN));
        // verifySignature itself refuses r or s outside [1, n-1].
        return verifier.verifySignature(hash32, r, s);
    }

    /**
     * The public key a signature (r, s, recovery id) recovers for a hash (SEC 1 v2 §4.1.6), or null
     * when the id names no point.
     */
    static byte[] recover(byte[] hash32, BigInteger r, BigInteger s, int recoveryId) {
        BigInteger x = r.add(N.multiply(BigInteger.valueOf(recoveryId >> 1)));
        if (x.compareTo(FIELD_PRIME) >= 0) {
            return null;
        }
        byte[] encodedR = new byte[PUBLIC_KEY_LENGTH];
        encodedR[0] = (byte) ((recoveryId & 1) == 0 ? 0x02 : 0x03);
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, x), 0, encodedR, 1, 32);
        ECPoint bigR = decode(encodedR);
        if (bigR == null) {
            return null;
        }
        BigInteger rInverse = r.modInverse(N);
        BigInteger e = new BigInteger(1, hash32);
        // Q = r⁻¹ (s·R − e·G)
        BigInteger gFactor = N.subtract(e).multiply(rInverse).mod(N);
        BigInteger rFactor = s.multiply(rInverse).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), gFactor, bigR, rFactor);
        return q.isInfinity() ? null : q.getEncoded(true);
    }

    /** The recovery id (0..3) under which (r, s) recovers {@code publicKey33}. */
    private static int recoveryId(byte[] hash32, BigInteger r, BigInteger s, byte[] publicKey33) {
        for (int id = 0; id < 4; id++) {
            if (Arrays.equals(publicKey33, recover(hash32, r, s, id))) {
                return id;
            }
        }
        throw new IllegalStateException("a fresh signature must recover its own public key");
    }

    private static BigInteger scalar(byte[] secret32) {
        KeyInput.requireLength(secret32, SECRET_LENGTH, "an ecdsa private key");
        BigInteger d = new BigInteger(1, secret32);
        if (d.signum() == 0 || d.compareTo(N) >= 0) {
            throw new SignerException(SignerError.INVALID_KEY,
                    "an ecdsa private key must be at least 1 and below the secp256k1 group order");
        }
        return d;
    }

    /** The point, or null when the bytes encode none. */
    private static ECPoint decode(byte[] compressed) {
        if (compressed[0] != 0x02 && compressed[0] != 0x03) {
            return null;
        }
        try {
            return CURVE.getCurve().decodePoint(compressed);
        } catch (IllegalArgumentException notOnCurve) {
            // BouncyCastle's only signal for an x with no curve point: that is our "null".
            return null;
        }
    }
}
