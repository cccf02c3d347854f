package dev.hwbridge.simulator.keys;

import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;

/** Checks on key material handed in from outside; messages give lengths, never bytes. */
final class KeyInput {

    private KeyInput() {
    }

    /** @throws SignerException INVALID_KEY unless {@code bytes} has exactly {@code length} bytes */
    static void requireLength(byte[] bytes, int length, String what) {
        if (bytes == null || bytes.length != length) {
            throw new SignerException(SignerError.INVALID_KEY, what + " has " + length + " bytes, not "
                    + (bytes == null ? "none" : String.valueOf(bytes.length)));
        }
    }
}
