package dev.hwbridge.simulator.keystore;

import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * NaCl {@code crypto_secretbox} (XSalsa20-Poly1305, the "easy" layout tag ‖ ciphertext) as
 * tweetnacl and polkadot-js {@code naclEncrypt}/{@code naclDecrypt} use it. Stateless, thread-safe.
 */
final class SecretBox {

    static final int KEY_LENGTH = 32;
    static final int NONCE_LENGTH = 24;
    static final int TAG_LENGTH = 16;

    /** The first 32 keystream bytes are the one-time Poly1305 key; the message is XORed after them. */
    private static final int POLY_KEY_LENGTH = 32;

    private SecretBox() {
    }

    /** Returns tag(16) ‖ ciphertext. */
    static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext) {
        XSalsa20Engine stream = stream(key, nonce);
        byte[] polyKey = keystream(stream);
        try {
            byte[] out = new byte[TAG_LENGTH + plaintext.length];
            stream.processBytes(plaintext, 0, plaintext.length, out, TAG_LENGTH);
            byte[] tag = tag(polyKey, out, TAG_LENGTH, plaintext.length);
            System.arraycopy(tag, 0, out, 0, TAG_LENGTH);
            return out;
        } finally {
            Arrays.fill(polyKey, (byte) 0);
        }
    }

    /**
     * Checks the tag (in constant time) before decrypting anything.
     *
     * @return the plaintext, or {@code null} when the tag does not match (wrong key or tampered box)
     */
    static byte[] open(byte[] key, byte[] nonce, byte[] box) {
        if (box.length < TAG_LENGTH) {
            return null;
        }
        XSalsa20Engine stream = stream(key, nonce);
        byte[] polyKey = keystream(stream);
        try {
            int length = box.length - TAG_LENGTH;
            byte[] expected = tag(polyKey, box, TAG_LENGTH, length);
            if (!MessageDigest.isEqual(expected, Arrays.copyOf(box, TAG_LENGTH))) {
                return null;
            }
            byte[] plaintext = new byte[length];
            stream.processBytes(box, TAG_LENGTH, length, plaintext, 0);
            return plaintext;
        } finally {
            Arrays.fill(polyKey, (byte) 0);
        }
    }

    private static XSalsa20Engine stream(byte[] key, byte[] nonce) {
        if (key.length != KEY_LENGTH || nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("secretbox needs a 32-byte key and a 24-byte nonce");
        }
        XSalsa20Engine engine = new XSalsa20Engine();
        engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        return engine;
    }

    private static byte[] keystream(XSalsa20Engine stream) {
        byte[] polyKey = new byte[POLY_KEY_LENGTH];
        stream.processBytes(polyKey, 0, POLY_KEY_LENGTH, polyKey, 0);
        return polyKey;
    }

    private static byte[] tag(byte[] polyKey, byte[] data, int offset, int length) {
        // Raw Poly1305 (no block cipher): key = r ‖ s, r clamped by BouncyCastle, as in NaCl.
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(polyKey));
        mac.update(data, offset, length);
        byte[] tag = new byte[TAG_LENGTH];
        mac.doFinal(tag, 0);
        return tag;
    }
}
