package dev.hwbridge.protocol.account;

import java.util.Objects;

/** The 32-byte account id a public key stands for, as polkadot-js keyring {@code TYPE_ADDRESS} computes it. */
public final class AccountId {

    public static final int LENGTH = 32;
    /** A compressed secp256k1 point. */
    public static final int ECDSA_PUBLIC_KEY_LENGTH = 33;

    private AccountId() {
    }

    /**
     * sr25519 and ed25519: the 32-byte public key itself; ecdsa: blake2b-256 of the 33-byte
     * compressed public key. Returns a fresh array.
     *
     * @throws FormatException INVALID_LENGTH if the key has the wrong length for the scheme
     */
    public static byte[] of(KeyScheme scheme, byte[] publicKey) {
        Objects.requireNonNull(scheme, "scheme");
        int expected = scheme == KeyScheme.ECDSA ? ECDSA_PUBLIC_KEY_LENGTH : LENGTH;
        if (publicKey == null || publicKey.length != expected) {
            throw new FormatException(FormatError.INVALID_LENGTH,
                    "a " + scheme.id() + " public key has " + expected + " bytes");
        }
        return scheme == KeyScheme.ECDSA ? Blake2b.hash256(publicKey) : publicKey.clone();
    }
}
