package dev.hwbridge.protocol.client;

import com.google.protobuf.ByteString;
import dev.hwbridge.protocol.message.Cancel;
import dev.hwbridge.protocol.message.GetFeatures;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.SignPayload;

/** Test helper: the Requests the tests send. */
final class Requests {

    private Requests() {
    }

    static Request getFeatures() {
        return Request.newBuilder().setGetFeatures(GetFeatures.getDefaultInstance()).build();
    }

    /** A transaction signing request whose payload is {@code length} bytes 0, 1, 2, … */
    static Request sign(int length) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) i;
        }
        return Request.newBuilder().setSignPayload(SignPayload.newBuilder()
                .setScheme(KeyScheme.SR25519)
                .setPath("//polkadot")
                .setKind(SignPayload.Kind.TRANSACTION)
                .setPayload(ByteString.copyFrom(payload))).build();
    }

    static Request cancel() {
        return Request.newBuilder().setCancel(Cancel.getDefaultInstance()).build();
    }
}
