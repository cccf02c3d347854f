package dev.hwbridge.simulator.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * BIP32-Ed25519 (Khovratovich and Law) as Ledger derives ed25519 keys ({@code HDW_NORMAL} on
 * the Ed25519 curve), hardened steps only; polkadot-js's {@code hdLedger} is the reference. An
 * extended key is 96 bytes: kL(32) ‖ kR(32) ‖ chain code(32), scalars little-endian. Stateless.
 */
final class Bip32Ed25519 {

    static final int EXTENDED_LENGTH = 96;
    private static final byte[] ED25519_SEED = "ed25519 seed".getBytes(StandardCharsets.US_ASCII);

    private Bip32Ed25519() {
    }

    /**
     * The master key of a 64-byte BIP39 seed: the chain code is HMAC-SHA256("ed25519 seed",
     * 0x01 ‖ seed); the key HMAC-SHA512("ed25519 seed", seed), hashed again while bit 5 of its
     * byte 31 is set (kL would not be a valid scalar), then clamped.
     */
    static byte[] master(byte[] seed) {
        byte[] one = new byte[seed.length + 1];
        one[0] = 1;
        System.arraycopy(seed, 0, one, 1, seed.length);
        byte[] chainCode = hmac(new SHA256Digest(), ED25519_SEED, one);
        Arrays.fill(one, (byte) 0);
        byte[] key = hmac(new SHA512Digest(), ED25519_SEED, seed);
        while ((key[31] & 0b0010_0000) != 0) {
            byte[] next = hmac(new SHA512Digest(), ED25519_SEED, key);
            Arrays.fill(key, (byte) 0);
            key = next;
        }
        key[0] &= (byte) 0b1111_1000;
        key[31] &= 0b0111_1111;
        key[31] |= 0b0100_0000;
        byte[] extended = Arrays.copyOf(key, EXTENDED_LENGTH);
        System.arraycopy(chainCode, 0, extended, 64, 32);
        Arrays.fill(key, (byte) 0);
        return extended;
    }

    /**
     * The hardened child {@code index} (bit 31 set): Z = HMAC-SHA512(c, 0x00 ‖ kL ‖ kR ‖ index
     * LE); kL' = kL + 8·ZL[0..28] and kR' = kR + ZR, both mod 2^256; c' = the right half of
     * HMAC-SHA512(c, 0x01 ‖ kL ‖ kR ‖ index LE).
     */
    static byte[] deriveHardened(byte[] extended, int index) {
        if (index >= 0) {
            throw new IllegalArgumentException("BIP32-Ed25519 here derives hardened children only");
        }
        byte[] chainCode = Arrays.copyOfRange(extended, 64, 96);
        byte[] data = new byte[1 + 64 + 4];
        System.arraycopy(extended, 0, data, 1, 64);
        data[65] = (byte) index;
        data[66] = (byte) (index >>> 8);
        data[67] = (byte) (index >>> 16);
        data[68] = (byte) (index >>> 24);
        byte[] z = hmac(new SHA512Digest(), chainCode, data);
        data[0] = 1;
        byte[] c = hmac(new SHA512Digest(), chainCode, data);
        byte[] child = new byte[EXTENDED_LENGTH];
        // kL + 8·ZL: ZL's 28 bytes shifted left by 3 bits, added with carries, the last carry dropped
        int carry = 0;
        for (int i = 0; i < 32; i++) {
            int zl8 = i < 28 ? ((z[i] & 0xFF) << 3) : 0;
            int prev = i > 0 && i <= 28 ? (z[i - 1] & 0xFF) >>> 5 : 0;
            int sum = (extended[i] & 0xFF) + ((zl8 | prev) & 0xFF) + carry;
            child[i] = (byte) sum;
            carry = sum >>> 8;
        }
        carry = 0;
        for (int i = 0; i < 32; i++) {
            int sum = (extended[32 + i] & 0xFF) + (z[32 + i] & 0xFF) + carry;
            child[32 + i] = (byte) sum;
            carry = sum >>> 8;
        }
        System.arraycopy(c, 32, child, 64, 32);
        Arrays.fill(data, (byte) 0);
        Arrays.fill(z, (byte) 0);
        Arrays.fill(c, (byte) 0);
        return child;
    }

    private static byte[] hmac(org.bouncycastle.crypto.Digest digest, byte[] key, byte[] data) {
        HMac mac = new HMac(digest);
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }
}
