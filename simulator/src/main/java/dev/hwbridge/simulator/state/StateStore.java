package dev.hwbridge.simulator.state;

import java.util.Optional;

/**
 * Where the device keeps its state (an opaque byte array the device logic serialises), encrypted
 * under a key derived from the PIN, and its count of failed PIN attempts. Thread-safe.
 *
 * <p>The counter lives outside the encrypted state because it must be raised and persisted
 * <em>before</em> the PIN is tried, so that pulling the power during a guess still counts it:
 * <pre>{@code
 * int failures = store.recordFailedAttempt();   // persisted now
 * Optional<byte[]> state = store.load(pin);      // StateException WRONG_PIN: the count stands
 * store.resetFailedAttempts();                   // only after load succeeded
 * }</pre>
 *
 * <p>A count that cannot be read back fails closed: a counter file that is missing beside a stored
 * state, or damaged, reads as {@link #ALL_ATTEMPTS_SPENT}, never as zero, so deleting or
 * scribbling over it cannot buy more guesses. The device then acts as after its last allowed
 * wrong PIN (it erases itself, see {@code PinGate}), as a hardware wallet does when it finds its
 * PIN counter tampered with.
 *
 * <p>A device without a PIN still stores its state encrypted, under the key derived from the
 * empty PIN ({@code new char[0]}): the format has one path, and such a device's state is as
 * exposed as its missing PIN says. The caller owns every array passed in or returned and should
 * zero it after use.
 */
public interface StateStore extends AutoCloseable {

    /** The largest state a store accepts (1 MiB; a device's identities and settings are far smaller). */
    int MAX_STATE_BYTES = 1 << 20;

    /** What {@link #failedAttempts()} reports for a lost counter: more failures than any device allows. */
    int ALL_ATTEMPTS_SPENT = 1_000_000;

    /** True if a state has been saved (and not wiped). */
    boolean exists();

    /**
     * Decrypts the stored state.
     *
     * @return the state, or empty if none is stored
     * @throws StateException {@code WRONG_PIN} if the state is intact but {@code pin} does not open
     *         it; {@code CORRUPT} if it is damaged; {@code IO} if it cannot be read
     */
    Optional<byte[]> load(char[] pin);

    /**
     * Encrypts {@code state} under {@code pin} and replaces the stored state in one step.
     *
     * @throws IllegalArgumentException if {@code state} exceeds {@link #MAX_STATE_BYTES}
     * @throws StateException {@code IO} if it cannot be written (the previous state then remains)
     */
    void save(byte[] state, char[] pin);

    /**
     * Failed PIN attempts since the last reset; {@link #ALL_ATTEMPTS_SPENT} if the counter is lost.
     *
     * @throws StateException {@code IO} if it cannot be read
     */
    int failedAttempts();

    /** Adds one failed attempt (up to {@link #ALL_ATTEMPTS_SPENT}) and persists it before returning. @return the new count */
    int recordFailedAttempt();

    /** Sets the count back to zero (after a successful {@link #load}). */
    void resetFailedAttempts();

    /** Destroys the state and the counter; afterwards {@link #exists()} is false and the count 0. */
    void wipe();

    /** Releases the store (a file store's directory lock); the stored state stays. */
    @Override
    void close();
}
