package dev.hwbridge.protocol.account;

import java.util.Locale;

/**
 * The signature schemes a Substrate account can use, named as polkadot-js names them.
 *
 * <p>The MultiSignature index is the first byte of a {@code MultiSignature}
 * (polkadot-js {@code sign(msg, {withType: true})}).
 */
public enum KeyScheme {
    ED25519("ed25519", 0x00, false),
    SR25519("sr25519", 0x01, true),
    ECDSA("ecdsa", 0x02, false);

    private final String id;
    private final int multiSignatureIndex;
    private final boolean softDerivation;

    KeyScheme(String id, int multiSignatureIndex, boolean softDerivation) {
        this.id = id;
        this.multiSignatureIndex = multiSignatureIndex;
        this.softDerivation = softDerivation;
    }

    /** The polkadot-js name: {@code "sr25519"}, {@code "ed25519"} or {@code "ecdsa"}. */
    public String id() {
        return id;
    }

    public byte multiSignatureIndex() {
        return (byte) multiSignatureIndex;
    }

    /** Only sr25519 has soft (non-hardened) derivation. */
    public boolean supportsSoftDerivation() {
        return softDerivation;
    }

    /** Parses a polkadot-js scheme name, case-insensitively. */
    public static KeyScheme fromId(String id) {
        if (id != null) {
            String wanted = id.trim().toLowerCase(Locale.ROOT);
            for (KeyScheme scheme : values()) {
                if (scheme.id.equals(wanted)) {
                    return scheme;
                }
            }
        }
        throw new IllegalArgumentException("unknown key scheme (expected sr25519, ed25519 or ecdsa)");
    }

    @Override
    public String toString() {
        return id;
    }
}
