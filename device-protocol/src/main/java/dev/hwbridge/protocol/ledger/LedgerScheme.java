package dev.hwbridge.protocol.ledger;

import java.util.Optional;

/** The key schemes of the Polkadot Generic app, by the P2 value that names them. No sr25519. */
public enum LedgerScheme {
    /** BIP32-Ed25519 keys, SS58 addresses. */
    ED25519(0x00),
    /** BIP32 secp256k1 keys, 33-byte compressed; 20-byte Ethereum addresses; keccak-256 signatures. */
    ECDSA(0x02);

    private final int p2;

    LedgerScheme(int p2) {
        this.p2 = p2;
    }

    public int p2() {
        return p2;
    }

    /** The public key's length in a get-address reply. */
    public int publicKeyLength() {
        return this == ED25519 ? 32 : 33;
    }

    public static Optional<LedgerScheme> ofP2(int p2) {
        for (LedgerScheme scheme : values()) {
            if (scheme.p2 == p2) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }
}
