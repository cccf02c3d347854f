package dev.hwbridge.simulator.device;

import com.google.protobuf.ByteString;
import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.DerivePublicKey;
import dev.hwbridge.protocol.message.KeySchemes;
import dev.hwbridge.protocol.message.PublicKey;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.simulator.keys.KeyPair;
import java.util.List;

/** Derives a public key; with {@code show} the device shows the address and waits for a confirm. */
final class DeriveFlow {

    private final DeviceContext context;

    DeriveFlow(DeviceContext context) {
        this.context = context;
    }

    Response run(DerivePublicKey request, UserIo io) {
        AccountSpec spec = AccountSpec.of(request);
        byte[] publicKey;
        try (KeyPair pair = AccountKeys.open(context, io, spec)) {
            publicKey = pair.publicKey();
        }
        if (request.getShow()) {
            io.require(ButtonRequest.Kind.SHOW_ADDRESS, "Check the address", List.of(
                    AccountKeys.address(spec.scheme(), publicKey, spec.prefix()),
                    spec.scheme().id() + " " + spec.pathText()));
        }
        return publicKeyReply(spec.scheme(), publicKey);
    }

    static Response publicKeyReply(dev.hwbridge.protocol.account.KeyScheme scheme, byte[] publicKey) {
        return Response.newBuilder()
                .setPublicKey(PublicKey.newBuilder()
                        .setPublicKey(ByteString.copyFrom(publicKey))
                        .setScheme(KeySchemes.toProto(scheme)))
                .build();
    }
}
