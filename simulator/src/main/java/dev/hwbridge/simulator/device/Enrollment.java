package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.Response;
import java.util.Arrays;
import java.util.List;

/**
 * What setup and recovery share: which identity a new seed becomes, and the end of the flow
 * (a new PIN if the device has none, then the state saved; the device is unlocked afterwards).
 */
final class Enrollment {

    private static final List<Integer> WORD_COUNTS = List.of(12, 15, 18, 21, 24);

    private Enrollment() {
    }

    /** @throws FlowFailure INVALID_REQUEST unless 12, 15, 18, 21 or 24 */
    static int wordCount(int requested) {
        if (!WORD_COUNTS.contains(requested)) {
            throw new FlowFailure(Failure.Code.INVALID_REQUEST, "a seed has 12, 15, 18, 21 or 24 words");
        }
        return requested;
    }

    /**
     * The name the new identity gets. "" names the first identity: "default" on an empty device,
     * taken on any other.
     *
     * @throws FlowFailure LOCKED, ALREADY_INITIALIZED, INVALID_REQUEST
     */
    static String newName(DeviceContext context, String requested) {
        DeviceState state = context.state();
        String name = IdentityNames.check(requested, "an identity name");
        if (name.isEmpty()) {
            if (!state.isEmpty()) {
                throw new FlowFailure(Failure.Code.ALREADY_INITIALIZED,
                        "the device is set up; name a new identity to add one");
            }
            return IdentityNames.DEFAULT;
        }
        if (state.hasName(name)) {
            throw new FlowFailure(Failure.Code.ALREADY_INITIALIZED, "an identity of that name exists");
        }
        if (state.identities().size() >= DeviceState.MAX_IDENTITIES) {
            throw new FlowFailure(Failure.Code.INVALID_REQUEST,
                    "the device holds at most " + DeviceState.MAX_IDENTITIES + " identities");
        }
        return name;
    }

    /** Adds the seed as identity {@code name}, asking for a PIN first if none is set. */
    static Response finish(DeviceContext context, UserIo io, String name, byte[] entropy, String what) {
        DeviceState next = context.state().with(new Identity(name, new IdentitySecret.Seed(entropy)));
        if (context.pinSet()) {
            context.commit(next);
        } else {
            char[] pin = PinChooser.choose(io);
            try {
                io.working("Saving");
                context.commit(next, pin);
            } finally {
                Arrays.fill(pin, '\0');
            }
        }
        return Replies.success(what);
    }
}
