package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.simulator.state.StateError;
import dev.hwbridge.simulator.state.StateException;
import dev.hwbridge.simulator.state.StateStore;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What the device knows right now: its info, whether it is locked, and while unlocked its state
 * and PIN (kept to re-seal the state after a change). Every change of the state goes through
 * here and is saved before it takes effect. Confined to the device's one thread.
 *
 * <p>A device without a PIN seals its state under the empty PIN (see {@link StateStore}); at boot
 * the device tries the empty PIN to learn whether a PIN is set. That probe is not a guess by
 * anyone, so it is not counted as a PIN attempt.
 */
final class DeviceContext {

    private static final char[] NO_PIN = new char[0];

    private final StateStore store;
    private final DeviceInfoStore infoStore;
    private DeviceInfo info;
    /** Null while locked. */
    private DeviceState state = DeviceState.empty();
    /** Null while locked; empty for a device without a PIN. */
    private char[] pin = NO_PIN.clone();

    DeviceContext(StateStore store, DeviceInfoStore infoStore, DeviceInfo info) {
        this.store = Objects.requireNonNull(store, "store");
        this.infoStore = Objects.requireNonNull(infoStore, "infoStore");
        this.info = Objects.requireNonNull(info, "info");
    }

    /**
     * Reads what is stored: nothing (empty device), a state the empty PIN opens (no PIN,
     * unlocked), or one it does not (locked). A device found with the failure limit reached (power
     * lost between the last failure and the wipe, or a counter deleted or damaged, which counts as
     * every attempt spent) is wiped now.
     *
     * @throws StateException CORRUPT or IO when the stored state cannot be used
     */
    void boot() {
        if (store.failedAttempts() >= PinGate.MAX_FAILURES) {
            wipe();
            return;
        }
        try {
            Optional<byte[]> stored = store.load(NO_PIN.clone());
            setState(stored.map(DeviceContext::decodeAndClear).orElseGet(DeviceState::empty), NO_PIN.clone());
        } catch (StateException e) {
            if (e.code() != StateError.WRONG_PIN) {
                throw e;
            }
            lockNow();
        }
    }

    boolean isLocked() {
        return state == null;
    }

    boolean isInitialized() {
        return isLocked() || !state.isEmpty();
    }

    boolean pinSet() {
        return isLocked() || pin.length > 0;
    }

    StateStore store() {
        return store;
    }

    DeviceInfo info() {
        return info;
    }

    /** Sets the label shown in Features (public, kept outside the encrypted state). */
    void setLabel(String label) {
        saveInfo(info.withLabel(label));
    }

    /** Sets whether blind signing is allowed (a public setting, kept beside the label). */
    void setBlindSigning(boolean allowed) {
        saveInfo(info.withBlindSigning(allowed));
    }

    private void saveInfo(DeviceInfo next) {
        infoStore.save(next);
        info = next;
    }

    /** @throws FlowFailure LOCKED while locked */
    DeviceState state() {
        if (isLocked()) {
            throw new FlowFailure(Failure.Code.LOCKED, "the device is locked: unlock it first");
        }
        return state;
    }

    /** Unlocks with the state {@code pin} opened; copies the PIN. */
    void unlock(char[] openedWith, DeviceState opened) {
        setState(opened, openedWith.clone());
    }

    /** Saves {@code next} under the current PIN, then makes it the state. */
    void commit(DeviceState next) {
        commit(next, pin);
    }

    /** Saves {@code next} under {@code newPin} (copied), then makes both current. */
    void commit(DeviceState next, char[] newPin) {
        if (isLocked()) {
            throw new IllegalStateException("a locked device cannot change its state");
        }
        byte[] encoded = StateCodec.encode(next);
        try {
            store.save(encoded, newPin);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
        char[] pinCopy = newPin.clone();
        clearPin();
        pin = pinCopy;
        DeviceState previous = state;
        state = next;
        previous.destroyDroppedBy(next);
    }

    /** Destroys every identity and the PIN; the device is empty (its id and label stay). */
    void wipe() {
        store.wipe();
        if (state != null) {
            state.destroy();
        }
        setState(DeviceState.empty(), NO_PIN.clone());
    }

    /**
     * Forgets the secrets held in memory; the stored state stays. A device with a PIN is then
     * locked, as after power-up.
     */
    void close() {
        if (state != null) {
            state.destroy();
        }
        lockNow();
    }

    private void setState(DeviceState next, char[] nextPin) {
        clearPin();
        state = next;
        pin = nextPin;
    }

    private void lockNow() {
        clearPin();
        state = null;
        pin = null;
    }

    private void clearPin() {
        if (pin != null) {
            Arrays.fill(pin, '\0');
        }
    }

    private static DeviceState decodeAndClear(byte[] blob) {
        try {
            return StateCodec.decode(blob);
        } finally {
            Arrays.fill(blob, (byte) 0);
        }
    }
}
