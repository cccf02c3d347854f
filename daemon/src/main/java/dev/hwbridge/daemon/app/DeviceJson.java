package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.device.Device;
import dev.hwbridge.daemon.device.DeviceInfo;
import dev.hwbridge.protocol.message.Features;
import dev.hwbridge.protocol.message.KeyScheme;
import java.util.Optional;

/** The JSON shapes of devices: list entries and features. */
final class DeviceJson {

    private DeviceJson() {
    }

    /** {@code {id, kind, transport, label, model, appVersion, schemes, session}}; label, appVersion and session may be null. */
    static ObjectNode entry(Device device, Optional<String> session) {
        DeviceInfo info = device.info();
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("id", info.id());
        entry.put("kind", info.kind());
        entry.put("transport", info.transport());
        entry.put("label", info.label());
        entry.put("model", info.model());
        entry.put("appVersion", info.appVersion());
        ArrayNode schemes = entry.putArray("schemes");
        info.schemes().forEach(schemes::add);
        entry.put("session", session.orElse(null));
        return entry;
    }

    /** {@code {deviceId, label, model, firmwareVersion, initialized, locked, identities, schemes, blindSigning}}. */
    static ObjectNode features(Features features) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("deviceId", features.getDeviceId());
        json.put("label", features.getLabel());
        json.put("model", features.getModel());
        json.put("firmwareVersion", features.getFirmwareVersion());
        json.put("initialized", features.getInitialized());
        json.put("locked", features.getLocked());
        ArrayNode identities = json.putArray("identities");
        features.getIdentitiesList().forEach(identities::add);
        ArrayNode schemes = json.putArray("schemes");
        for (KeyScheme scheme : features.getSchemesList()) {
            switch (scheme) {
                case SR25519 -> schemes.add("sr25519");
                case ED25519 -> schemes.add("ed25519");
                case ECDSA -> schemes.add("ecdsa");
                default -> {
                    // A scheme this daemon does not know cannot be asked for; leave it out.
                }
            }
        }
        json.put("blindSigning", !features.getBlindSigningDisabled());
        return json;
    }
}
