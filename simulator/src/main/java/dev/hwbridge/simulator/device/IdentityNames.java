package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.message.Failure;
import java.nio.charset.StandardCharsets;

/** Rules for identity names and the device label: short, printable, trimmed. Stateless. */
final class IdentityNames {

    /** The name of the first identity when the host names none. */
    static final String DEFAULT = "default";
    /** Longest name, in UTF-8 bytes (the state format stores the length in one byte). */
    static final int MAX_BYTES = 64;

    private IdentityNames() {
    }

    /**
     * The name trimmed, or "" for none.
     *
     * @throws FlowFailure INVALID_REQUEST for control characters or more than {@link #MAX_BYTES} bytes
     */
    static String check(String name, String what) {
        String trimmed = name.strip();
        if (trimmed.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new FlowFailure(Failure.Code.INVALID_REQUEST, what + " has at most " + MAX_BYTES + " bytes");
        }
        if (!isPrintable(trimmed)) {
            throw new FlowFailure(Failure.Code.INVALID_REQUEST, what + " may not contain control characters");
        }
        return trimmed;
    }

    /** True when every code point is neither a control nor a format/separator character other than the space. */
    static boolean isPrintable(String text) {
        return text.codePoints().allMatch(cp -> cp == ' ' || !(Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.LINE_SEPARATOR
                || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR
                || Character.getType(cp) == Character.UNASSIGNED
                || Character.getType(cp) == Character.SURROGATE));
    }
}
