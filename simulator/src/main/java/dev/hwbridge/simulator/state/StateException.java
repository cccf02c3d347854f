package dev.hwbridge.simulator.state;

/** A state-at-rest failure with a stable code; the message names a file or field, never a PIN or state byte. */
public final class StateException extends RuntimeException {

    private final StateError code;

    public StateException(StateError code, String message) {
        super(message);
        this.code = code;
    }

    public StateException(StateError code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public StateError code() {
        return code;
    }
}
