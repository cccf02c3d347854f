package dev.hwbridge.simulator.keys;

import dev.hwbridge.protocol.account.KeyScheme;

/** Signature verification for the three schemes, as polkadot-js {@code pair.verify} checks them. Stateless. */
public final class Signatures {

    private Signatures() {
    }

    /**
     * Whether {@code signature} is {@code publicKey}'s signature of {@code message}: sr25519 under
     * the "substrate" context, ed25519 RFC 8032, ecdsa over blake2b-256(message) with a 33-byte
     * key and r ‖ s (a 65th recovery byte is allowed and ignored). Any malformed input (null, wrong
     * length, not a point) gives false, never an exception.
     */
    public static boolean verify(KeyScheme scheme, byte[] publicKey, byte[] message, byte[] signature) {
        if (scheme == null || publicKey == null || message == null || signature == null) {
            return false;
        }
        return switch (scheme) {
            case SR25519 -> Sr25519Keys.verify(publicKey, message, signature);
            case ED25519 -> Ed25519Keys.verify(publicKey, message, signature);
            case ECDSA -> EcdsaKeys.verify(publicKey, message, signature);
        };
    }
}
