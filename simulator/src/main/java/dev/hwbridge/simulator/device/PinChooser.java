package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.message.InputRequest;
import java.util.List;

/** Asks for a new PIN twice on the device until both agree and follow {@link PinRules}. */
final class PinChooser {

    private PinChooser() {
    }

    /** The chosen PIN; the caller clears it. */
    static char[] choose(UserIo io) {
        List<String> hint = List.of(PinRules.HINT);
        while (true) {
            String first = io.ask(InputRequest.Kind.NEW_PIN, "Choose a PIN", hint);
            if (!PinRules.isValid(first)) {
                hint = List.of("Not a PIN. " + PinRules.HINT);
                continue;
            }
            String second = io.ask(InputRequest.Kind.NEW_PIN, "Confirm the PIN", List.of("Type the same PIN again"));
            if (first.equals(second)) {
                return first.toCharArray();
            }
            hint = List.of("The PINs did not match. " + PinRules.HINT);
        }
    }
}
