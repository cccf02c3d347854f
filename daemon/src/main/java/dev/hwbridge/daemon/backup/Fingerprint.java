package dev.hwbridge.daemon.backup;

import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.account.Hex;
import java.util.Objects;

/**
 * Identifies a seed without revealing it: the blake2b-256 of the sr25519 public key the device
 * derives at {@link #RESERVED_PATH} (a Ledger: of the ed25519 key at {@link #LEDGER_RESERVED_PATH}). The same seed always gives the same fingerprint; the public
 * key of a hard path says nothing about the seed or about the user's other accounts.
 */
public final class Fingerprint {

    /** Derived with sr25519 and no {@code ///password}; reserved, never offered for accounts. */
    public static final String RESERVED_PATH = "//hwbridge//fingerprint";

    /**
     * A Ledger's: its Polkadot app has no sr25519, so the fingerprint is the blake2b-256 of the
     * ed25519 public key at this path (the last hardened account); reserved, never offered for accounts.
     */
    public static final String LEDGER_RESERVED_PATH = "m/44'/354'/2147483647'/0'/0'";

    private Fingerprint() {
    }

    /** Lower-case {@code 0x}-hex blake2b-256 of {@code publicKey}. */
    public static String of(byte[] publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        return Hex.toHex(Blake2b.hash256(publicKey));
    }
}
