package dev.hwbridge.protocol.metadata.digest;

import org.bouncycastle.crypto.digests.Blake3Digest;

/** BLAKE3 with a 32-byte output, RFC-0078's only hash. */
public final class Blake3 {

    private Blake3() {
    }

    public static byte[] hash(byte[] data) {
        return hash(data, 0, data.length);
    }

    public static byte[] hash(byte[] data, int offset, int length) {
        Blake3Digest digest = new Blake3Digest(256);
        digest.update(data, offset, length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    /** {@code blake3(left ‖ right)}: an inner node of the merkle tree. */
    public static byte[] node(byte[] left, byte[] right) {
        Blake3Digest digest = new Blake3Digest(256);
        digest.update(left, 0, left.length);
        digest.update(right, 0, right.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
