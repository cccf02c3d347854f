package dev.hwbridge.simulator.device;

/**
 * What a PIN may be: 4 to 16 ASCII digits. The empty PIN is not a PIN a user can choose: a
 * device set up or recovered on the device always gets one; only a device preloaded without a
 * PIN file (a test or demo device) has none. Stateless.
 */
public final class PinRules {

    public static final int MIN_DIGITS = 4;
    public static final int MAX_DIGITS = 16;
    /** Shown on the device when a typed PIN breaks the rules. */
    static final String HINT = "A PIN has " + MIN_DIGITS + " to " + MAX_DIGITS + " digits";

    private PinRules() {
    }

    public static boolean isValid(CharSequence pin) {
        if (pin.length() < MIN_DIGITS || pin.length() > MAX_DIGITS) {
            return false;
        }
        for (int i = 0; i < pin.length(); i++) {
            char c = pin.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public static boolean isValid(char[] pin) {
        return isValid(java.nio.CharBuffer.wrap(pin));
    }
}
