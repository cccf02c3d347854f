package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.Response;
import java.util.List;

/** Erases every identity and the PIN after a confirm; the device stays attached, now empty. */
final class WipeFlow {

    private final DeviceContext context;

    WipeFlow(DeviceContext context) {
        this.context = context;
    }

    Response run(UserIo io) {
        io.require(ButtonRequest.Kind.WIPE, "Erase everything?",
                List.of("Every identity and the PIN will be erased", "Only your backups can restore them"));
        io.working("Erasing");
        context.wipe();
        return Replies.success("the device is now empty");
    }
}
