package dev.hwbridge.daemon.backup;

import java.util.Arrays;

/**
 * The body of a polkadot-js account file that holds no secret, as ui-keyring writes it for
 * external and hardware accounts: {@code PAIR_HDR ‖ PAIR_DIV ‖ publicKey} (polkadot-js
 * {@code encodePair} with an empty secret key).
 */
final class PolkadotJsPair {

    /** polkadot-js {@code PAIR_HDR}: the PKCS#8 header. */
    static final byte[] HEADER = {0x30, 0x53, 0x02, 0x01, 0x01, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70,
        0x04, 0x22, 0x04, 0x20};
    /** polkadot-js {@code PAIR_DIV}: between the secret and the public key. */
    static final byte[] DIVIDER = {(byte) 0xa1, 0x23, 0x03, 0x21, 0x00};

    private PolkadotJsPair() {
    }

    static byte[] encode(byte[] publicKey) {
        byte[] body = new byte[HEADER.length + DIVIDER.length + publicKey.length];
        System.arraycopy(HEADER, 0, body, 0, HEADER.length);
        System.arraycopy(DIVIDER, 0, body, HEADER.length, DIVIDER.length);
        System.arraycopy(publicKey, 0, body, HEADER.length + DIVIDER.length, publicKey.length);
        return body;
    }

    /**
     * The public key of a secret-free body of {@code publicKeyLength} bytes; null when the body
     * has another shape (it may then hold a secret key, so callers must zero it).
     */
    static byte[] publicKey(byte[] body, int publicKeyLength) {
        int prefix = HEADER.length + DIVIDER.length;
        if (body.length != prefix + publicKeyLength
                || !Arrays.equals(body, 0, HEADER.length, HEADER, 0, HEADER.length)
                || !Arrays.equals(body, HEADER.length, prefix, DIVIDER, 0, DIVIDER.length)) {
            return null;
        }
        return Arrays.copyOfRange(body, prefix, body.length);
    }
}
