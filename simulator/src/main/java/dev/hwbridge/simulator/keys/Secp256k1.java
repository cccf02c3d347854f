package dev.hwbridge.simulator.keys;

import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
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
    /** Stateless; its comb table for G is built once and cached on G by BouncyCastle. */
    private static final FixedPointCombMultiplier BASE_POINT_MULTIPLIER = new FixedPointCombMultiplier();

    private Secp256k1() {
    }

    /**
     * The compressed public key of a 32-byte big-endian private key.
     *
     * @throws SignerException INVALID_KEY unless 1 ≤ key < n (polkadot-js refuses those too)
     */
    static byte[] publicKey(byte[] secret32) {
        return BASE_POINT_MULTIPLIER.multiply(CURVE.getG(), scalar(secret32)).getEncoded(true);
    }

    /**
     * Checks a 32-byte big-endian private key without computing anything from it.
     *
     * @throws SignerException INVALID_KEY unless 1 ≤ key < n
     */
    static void requireValid(byte[] secret32) {
        scalar(secret32);
    }

    /**
     * 65 bytes r ‖ s ‖ recovery id over a 32-byte hash, deterministic (RFC 6979, HMAC-SHA256), low s.
     * The steps are BouncyCastle's {@code ECDSASigner.generateSignature} (same k sequence, same
     * constant-time comb for k·G, same inverse), done here so that R is at hand: its y parity and
     * x overflow are the recovery id, which would otherwise cost up to four public-key recoveries.
     */
    static byte[] sign(byte[] secret32, byte[] hash32) {
        BigInteger d = scalar(secret32);
        // A 32-byte hash has exactly n's bit length, so BouncyCastle's calculateE is the hash itself.
        BigInteger e = new BigInteger(1, hash32).mod(N);
        HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
        nonces.init(N, d, hash32);
        while (true) {
            BigInteger k = nonces.nextK();
            ECPoint bigR = BASE_POINT_MULTIPLIER.multiply(CURVE.getG(), k).normalize();
            BigInteger x = bigR.getAffineXCoord().toBigInteger();
            BigInteger r = x.mod(N);
            if (r.signum() == 0) {
                continue;
            }
            BigInteger s = BigIntegers.modOddInverse(N, k).multiply(e.add(d.multiply(r)).mod(N)).mod(N);
            if (s.signum() == 0) {
                continue;
            }
            int recoveryId = (bigR.getAffineYCoord().testBitZero() ? 1 : 0) | (x.compareTo(N) >= 0 ? 2 : 0);
            // Bitcoin/Substrate only accept the lower of s and n - s (noble and libsecp256k1 both
            // normalise); n - s belongs to -R, whose y has the other parity.
            if (s.compareTo(HALF_N) > 0) {
                s = N.subtract(s);
                recoveryId ^= 1;
            }
            byte[] signature = new byte[SIGNATURE_LENGTH];
            System.arraycopy(BigIntegers.asUnsignedByteArray(32, r), 0, signature, 0, 32);
            System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, signature, 32, 32);
            signature[64] = (byte) recoveryId;
            return signature;
        }
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

    private static BigInteger scalar(byte[] secret32) {
        KeyInput.requireLength(secret32, SECRET_LENGTH, "an ecdsa private key");
        BigInteger d = new BigInteger(1, secret32);
        if (d.signum() == 0 || d.compareTo(N) >= 0) {
            throw new SignerException(SignerError.INVALID_KEY,
                    "an ecdsa private key must be at least 1 and below the secp256k1 group order");
        }
        return d;
    }

    /**
     * The point of a 33-byte compressed public key.
     *
     * @throws IllegalArgumentException when the bytes encode no point
     */
    static ECPoint decodePoint(byte[] compressed) {
        ECPoint point = compressed.length == PUBLIC_KEY_LENGTH ? decode(compressed) : null;
        if (point == null) {
            throw new IllegalArgumentException("not a compressed secp256k1 public key");
        }
        return point.normalize();
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
