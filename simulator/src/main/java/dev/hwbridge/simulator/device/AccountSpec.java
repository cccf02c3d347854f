package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.account.DerivationPath;
import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.protocol.message.DerivePublicKey;
import dev.hwbridge.protocol.message.ExportEncrypted;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.KeySchemes;
import dev.hwbridge.protocol.message.MessageException;
import dev.hwbridge.protocol.message.SignPayload;

/**
 * The account a request names, checked: scheme, public path, identity, whether the device asks
 * for a {@code ///password}, and the SS58 prefix it shows addresses in.
 */
record AccountSpec(KeyScheme scheme, DerivationPath path, String identity, boolean askPassword, Ss58Prefix prefix) {

    static AccountSpec of(DerivePublicKey request) {
        return of(request.getScheme(), request.getPath(), request.getIdentity(), request.getAskPassword(),
                request.getSs58Format());
    }

    static AccountSpec of(SignPayload request) {
        return of(request.getScheme(), request.getPath(), request.getIdentity(), request.getAskPassword(),
                request.getSs58Format());
    }

    static AccountSpec of(ExportEncrypted request) {
        return of(request.getScheme(), request.getPath(), request.getIdentity(), request.getAskPassword(),
                request.getSs58Format());
    }

    /**
     * @throws FlowFailure INVALID_REQUEST (scheme, prefix, identity), INVALID_PATH (syntax or
     *         {@code ///}), UNSUPPORTED_SCHEME (a soft junction for ed25519 or ecdsa)
     */
    static AccountSpec of(dev.hwbridge.protocol.message.KeyScheme wireScheme, String pathText, String identity,
            boolean askPassword, int ss58Format) {
        KeyScheme scheme;
        try {
            scheme = KeySchemes.fromProto(wireScheme);
        } catch (MessageException e) {
            throw new FlowFailure(Failure.Code.INVALID_REQUEST, "the key scheme is unspecified or unknown");
        }
        DerivationPath path;
        try {
            path = DerivationPath.parse(pathText);
        } catch (FormatException e) {
            throw new FlowFailure(Failure.Code.INVALID_PATH, "the derivation path is not valid (" + e.code() + ")");
        }
        if (path.hasSoftJunction() && !scheme.supportsSoftDerivation()) {
            throw new FlowFailure(Failure.Code.UNSUPPORTED_SCHEME, scheme.id() + " has no soft derivation");
        }
        Ss58Prefix prefix;
        try {
            prefix = Ss58Prefix.of(ss58Format);
        } catch (FormatException e) {
            throw new FlowFailure(Failure.Code.INVALID_REQUEST, "the SS58 format is out of range");
        }
        return new AccountSpec(scheme, path, IdentityNames.check(identity, "an identity name"), askPassword, prefix);
    }

    /** The path as the screen shows it. */
    String pathText() {
        return path.isEmpty() ? "the root key" : path.toString();
    }
}
