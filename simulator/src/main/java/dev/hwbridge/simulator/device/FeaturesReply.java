package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.framing.HidFraming;
import dev.hwbridge.protocol.message.Features;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.protocol.message.Response;
import java.util.List;

/** The Features reply: public facts only; identity names are left out while locked. */
final class FeaturesReply {

    private FeaturesReply() {
    }

    static Response of(DeviceContext context) {
        DeviceInfo info = context.info();
        Features.Builder features = Features.newBuilder()
                .setDeviceId(info.deviceId())
                .setLabel(info.label())
                .setModel(FirmwareVersion.MODEL)
                .setFirmwareVersion(FirmwareVersion.text())
                .setInitialized(context.isInitialized())
                .setLocked(context.isLocked())
                .addAllSchemes(List.of(KeyScheme.SR25519, KeyScheme.ED25519, KeyScheme.ECDSA))
                .setPinSet(context.pinSet())
                .setProtocolVersion(HidFraming.PROTOCOL_VERSION)
                .setBlindSigningDisabled(!info.blindSigning());
        if (!context.isLocked()) {
            features.addAllIdentities(context.state().names());
        }
        return Response.newBuilder().setFeatures(features).build();
    }
}
