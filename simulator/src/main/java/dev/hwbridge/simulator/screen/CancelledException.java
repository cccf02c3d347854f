package dev.hwbridge.simulator.screen;

/**
 * A prompt ended without the user's answer: the host cancelled, the deadline passed, or the
 * waiting thread was interrupted (its interrupt flag is then set again). Checked, so the device
 * logic must decide what each prompt's abort means (for the protocol: Failure Cancelled).
 */
public final class CancelledException extends Exception {

    /** Why a prompt ended without an answer; stable names. */
    public enum Reason {
        /** {@link DeviceScreen#cancel()} was called (the host's CANCEL). */
        HOST_CANCEL,
        /** The prompt's timeout passed. */
        DEADLINE,
        /** The waiting thread was interrupted (e.g. the simulator is shutting down). */
        INTERRUPTED
    }

    private final Reason reason;

    public CancelledException(Reason reason) {
        super("prompt ended without an answer: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
