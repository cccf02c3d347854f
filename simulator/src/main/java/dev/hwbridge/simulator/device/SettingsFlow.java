package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.message.ApplySettings;
import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.Response;
import java.util.List;

/**
 * The device's settings: a change is made only after the user confirms it on the device, so no
 * host can turn a protection off by itself; asking for the current value changes nothing and
 * asks nothing. Answered with the Features, which show the result.
 */
final class SettingsFlow {

    private final DeviceContext context;

    SettingsFlow(DeviceContext context) {
        this.context = context;
    }

    Response run(ApplySettings request, UserIo io) {
        context.state();
        if (request.hasBlindSigning() && request.getBlindSigning() != context.info().blindSigning()) {
            if (request.getBlindSigning()) {
                io.require(ButtonRequest.Kind.WARNING, "Allow blind signing?", List.of(
                        "Transactions the device cannot decode will be signed",
                        "after a warning, showing only their hash"));
            } else {
                io.require(ButtonRequest.Kind.WARNING, "Turn blind signing off?", List.of(
                        "Transactions without metadata will be refused"));
            }
            context.setBlindSigning(request.getBlindSigning());
        }
        return FeaturesReply.of(context);
    }
}
