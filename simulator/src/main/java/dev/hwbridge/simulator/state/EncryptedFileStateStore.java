package dev.hwbridge.simulator.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StateStore} in a directory ({@code --state DIR}). Thread-safe; one store per directory,
 * held by a file lock until {@link #close()}.
 *
 * <p>Files, all 0600 in a 0700 directory where POSIX (an existing directory open to group or
 * others is refused with {@code INSECURE_DIRECTORY}):
 * <ul>
 *   <li>{@code state.bin} — the state sealed by {@link SealedState} (Argon2id + AES-256-GCM; its
 *       Javadoc gives the layout). Its salt is made once per device and kept across saves.</li>
 *   <li>{@code attempts.bin} — the failed-PIN counter ({@link AttemptCount}), outside the sealed
 *       state so it can be persisted before a PIN is tried. It is written (as 0) before
 *       a new state, so a state without a counter beside it means the counter was deleted: that,
 *       and a damaged counter, read as {@link StateStore#ALL_ATTEMPTS_SPENT} (fail closed). A
 *       state sealed before that rule ({@link SealedState} version 1) without a counter reads as
 *       none spent, so upgrading never erases a device.</li>
 *   <li>{@code .lock} — held while a store is open, so two simulators never share a device.</li>
 * </ul>
 * Both data files are replaced atomically ({@link AtomicFiles}); temp files a crash left behind
 * are deleted on open, and the previous file stays readable.
 *
 * <p>The counter limits guessing through the device. Whoever can write this directory can also
 * copy {@code state.bin} and guess offline; only the Argon2 cost ({@link KdfParams}) slows that.
 */
public final class EncryptedFileStateStore implements StateStore {

    static final String STATE_FILE = "state.bin";
    static final String COUNTER_FILE = "attempts.bin";
    private static final String LOCK_FILE = ".lock";
    private static final Logger LOG = LoggerFactory.getLogger(EncryptedFileStateStore.class);

    private final Path stateFile;
    private final Path counterFile;
    private final KdfParams kdf;
    private final SecureRandom random;
    private final FileChannel lockChannel;
    private final FileLock lock;

    /** A store in {@code dir} (created if missing) with {@link KdfParams#DEFAULT}. */
    public EncryptedFileStateStore(Path dir) {
        this(dir, KdfParams.DEFAULT, new SecureRandom());
    }

    /**
     * A store in {@code dir} writing with {@code kdf} (existing files open with the parameters
     * they were written with).
     *
     * @throws StateException {@code IN_USE} if another store holds the directory,
     *         {@code INSECURE_DIRECTORY} if group or others may use it, {@code IO} if it cannot be opened
     */
    public EncryptedFileStateStore(Path dir, KdfParams kdf, SecureRandom random) {
        this.stateFile = dir.resolve(STATE_FILE);
        this.counterFile = dir.resolve(COUNTER_FILE);
        this.kdf = kdf;
        this.random = random;
        FileChannel channel = null;
        try {
            AtomicFiles.createDirectory(dir);
            channel = AtomicFiles.openLockFile(dir.resolve(LOCK_FILE));
            this.lock = tryLock(channel);
            this.lockChannel = channel;
            AtomicFiles.removeTemps(dir, STATE_FILE);
            AtomicFiles.removeTemps(dir, COUNTER_FILE);
        } catch (IOException e) {
            throw closing(channel, io("cannot open the state directory", e));
        } catch (StateException e) {
            throw closing(channel, e);
        }
    }

    @Override
    public synchronized boolean exists() {
        return Files.isRegularFile(stateFile);
    }

    @Override
    public synchronized Optional<byte[]> load(char[] pin) {
        return readState().map(sealed -> SealedState.open(sealed, pin));
    }

    @Override
    public synchronized void save(byte[] state, char[] pin) {
        byte[] salt = readStateQuietly().flatMap(SealedState::saltOf).orElseGet(this::newSalt);
        byte[] sealed = SealedState.seal(state, pin, salt, kdf, random);
        if (!exists()) {
            // A new device starts with a counter, so that a state found without one was tampered with.
            writeCounter(0);
        }
        try {
            AtomicFiles.write(stateFile, sealed, random);
        } catch (IOException e) {
            throw io("cannot write " + STATE_FILE, e);
        }
    }

    @Override
    public synchronized int failedAttempts() {
        Optional<byte[]> file;
        try {
            file = AtomicFiles.read(counterFile, AttemptCount.FILE_BYTES);
        } catch (IOException e) {
            throw io("cannot read " + COUNTER_FILE, e);
        } catch (StateException tooLong) {
            return lostCounter("damaged");
        }
        if (file.isEmpty()) {
            if (!exists() || readStateQuietly().filter(SealedState::predatesCounterRule).isPresent()) {
                // No device, or one sealed before a counter was written with every state (version 1):
                // its counter appeared only after a first wrong PIN, so none means none spent.
                return 0;
            }
            return lostCounter("missing beside the state");
        }
        try {
            return AttemptCount.decode(file.get());
        } catch (StateException damaged) {
            return lostCounter("damaged (" + damaged.getMessage() + ")");
        }
    }

    @Override
    public synchronized int recordFailedAttempt() {
        int count = Math.min(failedAttempts(), ALL_ATTEMPTS_SPENT - 1) + 1;
        writeCounter(count);
        return count;
    }

    @Override
    public synchronized void resetFailedAttempts() {
        writeCounter(0);
    }

    @Override
    public synchronized void wipe() {
        try {
            AtomicFiles.destroy(stateFile);
            AtomicFiles.destroy(counterFile);
            Path dir = stateFile.toAbsolutePath().getParent();
            AtomicFiles.removeTemps(dir, STATE_FILE);
            AtomicFiles.removeTemps(dir, COUNTER_FILE);
        } catch (IOException e) {
            throw io("cannot wipe the state directory", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        } catch (IOException e) {
            throw io("cannot release the state directory lock", e);
        }
    }

    private static int lostCounter(String why) {
        LOG.warn("{} is {}: every PIN attempt counts as spent", COUNTER_FILE, why);
        return ALL_ATTEMPTS_SPENT;
    }

    private void writeCounter(int count) {
        try {
            AtomicFiles.write(counterFile, AttemptCount.encode(count), random);
        } catch (IOException e) {
            throw io("cannot write " + COUNTER_FILE, e);
        }
    }

    private Optional<byte[]> readState() {
        try {
            return AtomicFiles.read(stateFile, SealedState.MAX_SEALED_BYTES);
        } catch (IOException e) {
            throw io("cannot read " + STATE_FILE, e);
        }
    }

    /** The current file, or empty if there is none or it is damaged: a damaged one just means a fresh salt. */
    private Optional<byte[]> readStateQuietly() {
        try {
            return readState();
        } catch (StateException e) {
            if (e.code() != StateError.CORRUPT) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private byte[] newSalt() {
        byte[] salt = new byte[SealedState.SALT_BYTES];
        random.nextBytes(salt);
        return salt;
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new StateException(StateError.IN_USE, "another store holds the state directory");
        }
        return lock;
    }

    /** Closes a half-opened lock channel; a failure to close rides along with the original one. */
    private static StateException closing(FileChannel channel, StateException failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
        return failure;
    }

    private static StateException io(String message, IOException cause) {
        return new StateException(StateError.IO, message, cause);
    }
}
