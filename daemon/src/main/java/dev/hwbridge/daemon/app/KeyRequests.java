package dev.hwbridge.daemon.app;

import dev.hwbridge.daemon.rpc.RpcClient;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import dev.hwbridge.daemon.session.Session;
import dev.hwbridge.protocol.account.AccountId;
import dev.hwbridge.protocol.account.DerivationPath;
import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.protocol.message.DerivePublicKey;
import dev.hwbridge.protocol.message.KeySchemes;
import dev.hwbridge.protocol.message.MessageException;
import dev.hwbridge.protocol.message.PublicKey;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;

/** Asks the device for public keys, and checks what it answers fits the request. */
final class KeyRequests {

    private KeyRequests() {
    }

    /**
     * Derives one public key on the device.
     *
     * @param passphrase the device asks for the {@code ///password} on its own screen
     * @param show       the device shows the address for the user to compare
     */
    static DerivedAccount derive(Session session, RpcClient caller, KeyScheme scheme, DerivationPath path,
            String identity, boolean passphrase, boolean show, Ss58Prefix prefix) throws RpcException {
        DerivePublicKey derive = DerivePublicKey.newBuilder()
                .setScheme(KeySchemes.toProto(scheme))
                .setPath(path.toString())
                .setIdentity(identity)
                .setAskPassword(passphrase)
                .setShow(show)
                .setSs58Format(prefix.value())
                .build();
        Response reply = DeviceCalls.run(session, caller, Request.newBuilder().setDerivePublicKey(derive).build(),
                Response.BodyCase.PUBLIC_KEY);
        return new DerivedAccount(scheme, path, prefix, checked(reply.getPublicKey(), scheme));
    }

    /** The key bytes, if the device answered with the scheme asked for and a key of its length. */
    static byte[] checked(PublicKey key, KeyScheme scheme) throws RpcException {
        byte[] bytes = key.getPublicKey().toByteArray();
        try {
            if (KeySchemes.fromProto(key.getScheme()) != scheme) {
                throw new RpcException(RpcError.DEVICE_ERROR, "the device derived a key of another scheme");
            }
            AccountId.of(scheme, bytes);
        } catch (FormatException | MessageException e) {
            throw new RpcException(RpcError.DEVICE_ERROR, "the device answered a malformed public key: " + e.getMessage());
        }
        return bytes;
    }
}
