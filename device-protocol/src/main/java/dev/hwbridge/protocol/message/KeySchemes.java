package dev.hwbridge.protocol.message;

/**
 * Maps the wire enum {@link KeyScheme} to the shared vocabulary type
 * {@link dev.hwbridge.protocol.account.KeyScheme}, the one place both names meet.
 */
public final class KeySchemes {

    private KeySchemes() {
    }

    public static KeyScheme toProto(dev.hwbridge.protocol.account.KeyScheme scheme) {
        return switch (scheme) {
            case SR25519 -> KeyScheme.SR25519;
            case ED25519 -> KeyScheme.ED25519;
            case ECDSA -> KeyScheme.ECDSA;
        };
    }

    /**
     * @throws MessageException INVALID_FIELD for an unspecified scheme or one this version does not know
     */
    public static dev.hwbridge.protocol.account.KeyScheme fromProto(KeyScheme scheme) throws MessageException {
        return switch (scheme) {
            case SR25519 -> dev.hwbridge.protocol.account.KeyScheme.SR25519;
            case ED25519 -> dev.hwbridge.protocol.account.KeyScheme.ED25519;
            case ECDSA -> dev.hwbridge.protocol.account.KeyScheme.ECDSA;
            case KEY_SCHEME_UNSPECIFIED, UNRECOGNIZED -> throw new MessageException(MessageError.INVALID_FIELD,
                    "the key scheme is unspecified or unknown");
        };
    }
}
