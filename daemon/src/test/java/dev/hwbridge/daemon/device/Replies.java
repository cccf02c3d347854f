package dev.hwbridge.daemon.device;

import com.google.protobuf.ByteString;
import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.Features;
import dev.hwbridge.protocol.message.InputRequest;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.Progress;
import dev.hwbridge.protocol.message.PublicKey;
import dev.hwbridge.protocol.message.PublicKeys;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.Signature;
import dev.hwbridge.protocol.message.Success;
import java.util.List;

/** Device replies for scripted tests. */
public final class Replies {

    private Replies() {
    }

    public static Response features(String label, boolean initialized, boolean locked, List<String> identities) {
        return Response.newBuilder().setFeatures(Features.newBuilder()
                .setDeviceId("dev-1").setLabel(label).setModel("hwbridge-sim").setFirmwareVersion("0.1.0")
                .setInitialized(initialized).setLocked(locked).addAllIdentities(identities)
                .addSchemes(KeyScheme.SR25519).addSchemes(KeyScheme.ED25519).addSchemes(KeyScheme.ECDSA)
                .setProtocolVersion(1)).build();
    }

    public static Response success() {
        return Response.newBuilder().setSuccess(Success.newBuilder().setMessage("done")).build();
    }

    public static Response failure(Failure.Code code) {
        return Response.newBuilder().setFailure(Failure.newBuilder().setCode(code).setMessage("refused")).build();
    }

    public static Response confirm(String title, String... lines) {
        return Response.newBuilder().setButtonRequest(ButtonRequest.newBuilder()
                .setKind(ButtonRequest.Kind.SIGN).setTitle(title).addAllLines(List.of(lines))).build();
    }

    public static Response input(InputRequest.Kind kind, String title) {
        return Response.newBuilder().setInputRequest(InputRequest.newBuilder().setKind(kind).setTitle(title)).build();
    }

    public static Response progress(int current, int total, String text) {
        return Response.newBuilder().setProgress(Progress.newBuilder()
                .setCurrent(current).setTotal(total).setText(text)).build();
    }

    public static Response publicKey(KeyScheme scheme, byte[] key) {
        return Response.newBuilder().setPublicKey(PublicKey.newBuilder()
                .setScheme(scheme).setPublicKey(ByteString.copyFrom(key))).build();
    }

    public static Response publicKeys(KeyScheme scheme, List<byte[]> keys) {
        PublicKeys.Builder page = PublicKeys.newBuilder().setScheme(scheme);
        keys.forEach(key -> page.addPublicKeys(ByteString.copyFrom(key)));
        return Response.newBuilder().setPublicKeys(page).build();
    }

    public static Response signature(byte[] signature) {
        return Response.newBuilder().setSignature(Signature.newBuilder().setSignature(ByteString.copyFrom(signature))).build();
    }
}
