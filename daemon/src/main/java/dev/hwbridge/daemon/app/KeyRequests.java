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
import com.google.protobuf.ByteString;
import dev.hwbridge.protocol.message.DerivePublicKey;
import dev.hwbridge.protocol.message.DerivePublicKeys;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.KeySchemes;
import dev.hwbridge.protocol.message.MessageException;
import dev.hwbridge.protocol.message.Messages;
import dev.hwbridge.protocol.message.PublicKey;
import dev.hwbridge.protocol.message.PublicKeys;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Asks the device for public keys, and checks what it answers fits the request. */
final class KeyRequests {

    /** The most paths one {@code DerivePublicKeys} may carry (PROTOCOL.md §5). */
    static final int MAX_PATHS_PER_REQUEST = 100;

    private KeyRequests() {
    }

    /**
     * Derives one public key on the device.
     *
     * @param passphrase the device asks for the {@code ///password} on its own screen
     * @param show       the device shows the address for the user to compare
     */
    static DerivedAccount derive(Session session, RpcClient caller, KeyScheme scheme, String path,
            String identity, boolean passphrase, boolean show, Ss58Prefix prefix) throws RpcException {
        Response reply = DeviceCalls.run(session, caller, deriveRequest(scheme, path, identity, passphrase, show, prefix),
                Response.BodyCase.PUBLIC_KEY);
        return new DerivedAccount(scheme, path, prefix, checked(reply.getPublicKey(), scheme));
    }

    /** As {@link #derive}, started: no thread waits for the device (the user comparing the address). */
    static CompletableFuture<DerivedAccount> startDerive(Session session, RpcClient caller, KeyScheme scheme,
            String path, String identity, boolean passphrase, boolean show, Ss58Prefix prefix) {
        return DeviceCalls.start(session, caller, deriveRequest(scheme, path, identity, passphrase, show, prefix),
                Response.BodyCase.PUBLIC_KEY).thenCompose(reply -> {
                    try {
                        return CompletableFuture.completedFuture(
                                new DerivedAccount(scheme, path, prefix, checked(reply.getPublicKey(), scheme)));
                    } catch (RpcException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                });
    }

    private static Request deriveRequest(KeyScheme scheme, String path, String identity, boolean passphrase,
            boolean show, Ss58Prefix prefix) {
        DerivePublicKey derive = DerivePublicKey.newBuilder()
                .setScheme(KeySchemes.toProto(scheme))
                .setPath(path)
                .setIdentity(identity)
                .setAskPassword(passphrase)
                .setShow(show)
                .setSs58Format(prefix.value())
                .build();
        return Request.newBuilder().setDerivePublicKey(derive).build();
    }

    /**
     * Derives the public keys of {@code paths} (no password, nothing shown), in order: as many
     * paths per {@code DerivePublicKeys} exchange as fit one frame, at most
     * {@link #MAX_PATHS_PER_REQUEST}. A device that does not know that request (Failure
     * INVALID_REQUEST, PROTOCOL.md §9) is asked path by path instead.
     */
    static List<DerivedAccount> deriveAll(Session session, RpcClient caller, KeyScheme scheme, List<String> paths,
            String identity, Ss58Prefix prefix) throws RpcException {
        List<DerivedAccount> accounts = new ArrayList<>(paths.size());
        int from = 0;
        while (from < paths.size()) {
            DerivePublicKeys request = fitting(scheme, paths.subList(from, paths.size()), identity);
            Response reply = DeviceCalls.finalReply(session, caller, Request.newBuilder().setDerivePublicKeys(request).build());
            if (reply.hasFailure() && reply.getFailure().getCode() == Failure.Code.INVALID_REQUEST) {
                for (String path : paths.subList(from, paths.size())) {
                    accounts.add(derive(session, caller, scheme, path, identity, false, false, prefix));
                }
                return accounts;
            }
            PublicKeys keys = DeviceErrors.expect(reply, Response.BodyCase.PUBLIC_KEYS).getPublicKeys();
            if (keys.getPublicKeysCount() != request.getPathsCount()) {
                throw new RpcException(RpcError.DEVICE_ERROR, "the device answered " + keys.getPublicKeysCount()
                        + " keys for " + request.getPathsCount() + " paths");
            }
            for (int i = 0; i < keys.getPublicKeysCount(); i++) {
                accounts.add(new DerivedAccount(scheme, paths.get(from + i), prefix,
                        checked(keys.getScheme(), keys.getPublicKeys(i), scheme)));
            }
            from += request.getPathsCount();
        }
        return accounts;
    }

    /** The longest prefix of {@code paths} (at least one path) that makes a request within one frame. */
    private static DerivePublicKeys fitting(KeyScheme scheme, List<String> paths, String identity) {
        DerivePublicKeys.Builder request = DerivePublicKeys.newBuilder()
                .setScheme(KeySchemes.toProto(scheme))
                .setIdentity(identity);
        for (String path : paths) {
            if (request.getPathsCount() == MAX_PATHS_PER_REQUEST) {
                break;
            }
            request.addPaths(path);
            if (request.getPathsCount() > 1
                    && Request.newBuilder().setDerivePublicKeys(request).build().getSerializedSize() > Messages.MAX_SIZE) {
                List<String> fit = new ArrayList<>(request.getPathsList().subList(0, request.getPathsCount() - 1));
                return request.clearPaths().addAllPaths(fit).build();
            }
        }
        return request.build();
    }

    /** The key bytes, if the device answered with the scheme asked for and a key of its length. */
    static byte[] checked(PublicKey key, KeyScheme scheme) throws RpcException {
        return checked(key.getScheme(), key.getPublicKey(), scheme);
    }

    private static byte[] checked(dev.hwbridge.protocol.message.KeyScheme answered, ByteString key, KeyScheme scheme)
            throws RpcException {
        byte[] bytes = key.toByteArray();
        try {
            if (KeySchemes.fromProto(answered) != scheme) {
                throw new RpcException(RpcError.DEVICE_ERROR, "the device derived a key of another scheme");
            }
            AccountId.of(scheme, bytes);
        } catch (FormatException | MessageException e) {
            throw new RpcException(RpcError.DEVICE_ERROR, "the device answered a malformed public key: " + e.getMessage());
        }
        return bytes;
    }
}
