package dev.hwbridge.simulator.device;

import dev.hwbridge.simulator.screen.Screen;
import java.util.List;

/** What the screen shows between requests: empty, locked, or ready (with the label). */
final class IdleScreen {

    private IdleScreen() {
    }

    static Screen of(DeviceContext context) {
        String label = context.info().label();
        if (context.isLocked()) {
            return Screen.info(label, List.of("Locked", "Unlock from the host to enter the PIN"));
        }
        if (!context.isInitialized()) {
            return Screen.info(label, List.of("Not set up", "Set up or recover a seed from the host"));
        }
        int identities = context.state().identities().size();
        return Screen.info(label, List.of("Ready", identities == 1 ? "1 identity" : identities + " identities"));
    }
}
