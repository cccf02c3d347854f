package dev.hwbridge.simulator.keys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.BigIntegers;

/**
 * Plain BIP32 on secp256k1 (private derivation), as Ledger derives the Polkadot app's ecdsa keys
 * and polkadot-js's {@code hdEthereum} does. An extended key is 64 bytes: private key(32, BE) ‖
 * chain code(32). Stateless.
 */
final class Bip32Secp256k1 {

    private static final byte[] BITCOIN_SEED = "Bitcoin seed".getBytes(StandardCharsets.US_ASCII);
    private static final BigInteger N = CustomNamedCurves.getByName("secp256k1").getN();

    private Bip32Secp256k1() {
    }

    /** I = HMAC-SHA512("Bitcoin seed", seed): the key is I's left half, the chain code its right. */
    static byte[] master(byte[] seed) {
        return hmac(BITCOIN_SEED, seed);
    }

    /**
     * Child {@code index} (hardened when bit 31 is set): I = HMAC-SHA512(c, 0x00 ‖ k ‖ index BE),
     * or over the compressed public key for a normal child; k' = (IL + k) mod n. When IL ≥ n or
     * k' = 0 the next index is taken, as BIP32 says and {@code hdEthereum} does.
     */
    static byte[] derive(byte[] extended, int index) {
        byte[] secret = Arrays.copyOf(extended, 32);
        byte[] chainCode = Arrays.copyOfRange(extended, 32, 64);
        try {
            while (true) {
                byte[] data = new byte[37];
                if (index < 0) {
                    System.arraycopy(secret, 0, data, 1, 32);
                } else {
                    System.arraycopy(Secp256k1.publicKey(secret), 0, data, 0, 33);
                }
                data[33] = (byte) (index >>> 24);
                data[34] = (byte) (index >>> 16);
                data[35] = (byte) (index >>> 8);
                data[36] = (byte) index;
                byte[] i = hmac(chainCode, data);
                Arrays.fill(data, (byte) 0);
                BigInteger left = new BigInteger(1, Arrays.copyOf(i, 32));
                BigInteger child = left.add(new BigInteger(1, secret)).mod(N);
                if (left.compareTo(N) < 0 && child.signum() != 0) {
                    byte[] out = Arrays.copyOf(BigIntegers.asUnsignedByteArray(32, child), 64);
                    System.arraycopy(i, 32, out, 32, 32);
                    Arrays.fill(i, (byte) 0);
                    return out;
                }
                Arrays.fill(i, (byte) 0);
                index++;
            }
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        HMac mac = new HMac(new SHA512Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[64];
        mac.doFinal(out, 0);
        return out;
    }

}
