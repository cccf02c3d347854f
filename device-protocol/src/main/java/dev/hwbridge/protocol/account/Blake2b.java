package dev.hwbridge.protocol.account;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * BLAKE2b as polkadot-js {@code blake2AsU8a} computes it: the digest length is part of the
 * parameter block, so the 256-bit variant is not a truncated 512-bit hash.
 */
public final class Blake2b {

    private Blake2b() {
    }

    /** BLAKE2b-256 (32-byte digest) over the concatenation of {@code parts}. */
    public static byte[] hash256(byte[]... parts) {
        return hash(256, parts);
    }

    /** BLAKE2b-512 (64-byte digest) over the concatenation of {@code parts}. */
    public static byte[] hash512(byte[]... parts) {
        return hash(512, parts);
    }

    private static byte[] hash(int bits, byte[]... parts) {
        Blake2bDigest digest = new Blake2bDigest(bits);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
