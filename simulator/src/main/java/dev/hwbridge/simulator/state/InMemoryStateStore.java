package dev.hwbridge.simulator.state;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * A {@link StateStore} that forgets everything when the process ends ({@code --ephemeral}).
 * Thread-safe. It still seals the state exactly as the file store does, so a wrong PIN fails the
 * same way and the plaintext is never held at rest between calls.
 */
public final class InMemoryStateStore implements StateStore {

    private final KdfParams kdf;
    private final SecureRandom random;
    private byte[] salt;
    private byte[] sealed;
    private int failedAttempts;

    /** An empty store with {@link KdfParams#DEFAULT}. */
    public InMemoryStateStore() {
        this(KdfParams.DEFAULT, new SecureRandom());
    }

    /** An empty store sealing with {@code kdf}. */
    public InMemoryStateStore(KdfParams kdf, SecureRandom random) {
        this.kdf = kdf;
        this.random = random;
    }

    @Override
    public synchronized boolean exists() {
        return sealed != null;
    }

    @Override
    public synchronized Optional<byte[]> load(char[] pin) {
        return sealed == null ? Optional.empty() : Optional.of(SealedState.open(sealed, pin));
    }

    @Override
    public synchronized void save(byte[] state, char[] pin) {
        if (salt == null) {
            salt = new byte[SealedState.SALT_BYTES];
            random.nextBytes(salt);
        }
        sealed = SealedState.seal(state, pin, salt, kdf, random);
    }

    @Override
    public synchronized int failedAttempts() {
        return failedAttempts;
    }

    @Override
    public synchronized int recordFailedAttempt() {
        return ++failedAttempts;
    }

    @Override
    public synchronized void resetFailedAttempts() {
        failedAttempts = 0;
    }

    @Override
    public synchronized void wipe() {
        if (sealed != null) {
            Arrays.fill(sealed, (byte) 0);
        }
        if (salt != null) {
            Arrays.fill(salt, (byte) 0);
        }
        sealed = null;
        salt = null;
        failedAttempts = 0;
    }

    /** Nothing to release; the state stays until {@link #wipe()} or the process ends. */
    @Override
    public void close() {
    }
}
