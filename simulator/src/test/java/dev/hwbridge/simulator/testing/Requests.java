package dev.hwbridge.simulator.testing;

import com.google.protobuf.ByteString;
import dev.hwbridge.protocol.message.Cancel;
import dev.hwbridge.protocol.message.DerivePublicKey;
import dev.hwbridge.protocol.message.ExportEncrypted;
import dev.hwbridge.protocol.message.GetFeatures;
import dev.hwbridge.protocol.message.ImportEncrypted;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.Recover;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Setup;
import dev.hwbridge.protocol.message.SignPayload;
import dev.hwbridge.protocol.message.Unlock;
import dev.hwbridge.protocol.message.Wipe;

/** Short ways to build the requests tests send. */
public final class Requests {

    private Requests() {
    }

    public static Request features() {
        return Request.newBuilder().setGetFeatures(GetFeatures.getDefaultInstance()).build();
    }

    public static Request unlock() {
        return Request.newBuilder().setUnlock(Unlock.getDefaultInstance()).build();
    }

    public static Request wipe() {
        return Request.newBuilder().setWipe(Wipe.getDefaultInstance()).build();
    }

    public static Request cancel() {
        return Request.newBuilder().setCancel(Cancel.getDefaultInstance()).build();
    }

    public static Request setup(int words, String identity) {
        return Request.newBuilder().setSetup(Setup.newBuilder().setWordCount(words).setIdentity(identity)).build();
    }

    public static Request recover(int words, String identity) {
        return Request.newBuilder().setRecover(Recover.newBuilder().setWordCount(words).setIdentity(identity)).build();
    }

    public static DerivePublicKey.Builder derive(KeyScheme scheme, String path) {
        return DerivePublicKey.newBuilder().setScheme(scheme).setPath(path);
    }

    public static Request request(DerivePublicKey.Builder derive) {
        return Request.newBuilder().setDerivePublicKey(derive).build();
    }

    public static SignPayload.Builder sign(KeyScheme scheme, String path, SignPayload.Kind kind, byte[] payload) {
        return SignPayload.newBuilder().setScheme(scheme).setPath(path).setKind(kind)
                .setPayload(ByteString.copyFrom(payload));
    }

    public static Request request(SignPayload.Builder sign) {
        return Request.newBuilder().setSignPayload(sign).build();
    }

    public static Request export(KeyScheme scheme, String path, String password, String name) {
        return Request.newBuilder().setExportEncrypted(ExportEncrypted.newBuilder().setScheme(scheme).setPath(path)
                .setJsonPassword(password).setName(name)).build();
    }

    public static Request importJson(String json, String password, String identity) {
        return Request.newBuilder().setImportEncrypted(ImportEncrypted.newBuilder().setJson(json)
                .setJsonPassword(password).setIdentity(identity)).build();
    }
}
