package dev.hwbridge.simulator.keystore;

import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.util.Arrays;

/**
 * The plaintext polkadot-js calls "pkcs8": PAIR_HDR(16) ‖ secret ‖ PAIR_DIV(5) ‖ public key.
 * The header and divider are RFC 8410 bytes that stopped being valid DER once secrets grew to
 * 64 bytes; polkadot-js (pair/defaults) says not to rely on them, so they are magic bytes here.
 *
 * <p>{@code secret} is empty for the public-only body polkadot-js writes for hardware and
 * external accounts. {@link #close()} zeroes the secret; toString never shows it.
 */
record Pkcs8Body(byte[] secret, byte[] publicKey) implements AutoCloseable {

    static final byte[] PAIR_HDR = {
        0x30, 0x53, 0x02, 0x01, 0x01, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
    };
    static final byte[] PAIR_DIV = {(byte) 0xa1, 0x23, 0x03, 0x21, 0x00};

    /** Generation 3 (today's) secrets: sr25519 scalar×8 ‖ nonce, ed25519 seed ‖ public key. */
    static final int SECRET_LENGTH = 64;
    /** Generations 1–2 stored a 32-byte seed; ecdsa still stores its 32-byte private key this way. */
    static final int SEED_LENGTH = 32;
    /** The shortest body: header, divider and a 32-byte public key, no secret. */
    static final int MIN_LENGTH = PAIR_HDR.length + PAIR_DIV.length + 32;

    byte[] encode() {
        byte[] out = new byte[PAIR_HDR.length + secret.length + PAIR_DIV.length + publicKey.length];
        int at = put(out, 0, PAIR_HDR);
        at = put(out, at, secret);
        at = put(out, at, PAIR_DIV);
        put(out, at, publicKey);
        return out;
    }

    boolean isPublicOnly() {
        return secret.length == 0;
    }

    /**
     * Reads a body as polkadot-js {@code decodePair} does: a generation-3 divider after a 64-byte
     * secret first, then the generation-1/2 divider after a 32-byte seed. Unlike polkadot-js it
     * also accepts the public-only body (header ‖ divider ‖ key), keeps the whole 33-byte ecdsa
     * key instead of cutting it to 32, and wants the body to end right after the public key.
     */
    static Pkcs8Body decode(byte[] body, KeyScheme scheme) {
        int publicLength = publicKeyLength(scheme);
        if (body.length < PAIR_HDR.length || !regionEquals(body, 0, PAIR_HDR)) {
            throw invalid("the decoded body has no pkcs8 header");
        }
        int secretLength;
        if (body.length == PAIR_HDR.length + PAIR_DIV.length + publicLength
                && regionEquals(body, PAIR_HDR.length, PAIR_DIV)) {
            secretLength = 0;
        } else if (regionEquals(body, PAIR_HDR.length + SECRET_LENGTH, PAIR_DIV)) {
            secretLength = SECRET_LENGTH;
        } else if (regionEquals(body, PAIR_HDR.length + SEED_LENGTH, PAIR_DIV)) {
            secretLength = SEED_LENGTH;
        } else {
            throw invalid("the decoded body has no pkcs8 divider");
        }
        int publicAt = PAIR_HDR.length + secretLength + PAIR_DIV.length;
        if (body.length - publicAt != publicLength) {
            throw invalid("the decoded body holds a public key of " + (body.length - publicAt)
                    + " bytes; " + scheme.id() + " keys are " + publicLength);
        }
        if (scheme == KeyScheme.ECDSA && secretLength == SECRET_LENGTH) {
            throw invalid("the decoded body holds a 64-byte secret; an ecdsa secret is 32 bytes");
        }
        return new Pkcs8Body(
                Arrays.copyOfRange(body, PAIR_HDR.length, PAIR_HDR.length + secretLength),
                Arrays.copyOfRange(body, publicAt, body.length));
    }

    static int publicKeyLength(KeyScheme scheme) {
        return scheme == KeyScheme.ECDSA ? 33 : 32;
    }

    @Override
    public void close() {
        Arrays.fill(secret, (byte) 0);
    }

    @Override
    public String toString() {
        return "Pkcs8Body[secret=" + secret.length + " bytes, publicKey=" + publicKey.length + " bytes]";
    }

    private static int put(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }

    private static boolean regionEquals(byte[] body, int offset, byte[] expected) {
        return body.length >= offset + expected.length
                && Arrays.equals(body, offset, offset + expected.length, expected, 0, expected.length);
    }

    private static SignerException invalid(String message) {
        return new SignerException(SignerError.INVALID_JSON, "encoded: " + message);
    }
}
