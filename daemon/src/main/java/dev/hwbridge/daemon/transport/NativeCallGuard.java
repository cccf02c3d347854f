package dev.hwbridge.daemon.transport;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the native handle of one open device alive for as long as a native call uses it.
 *
 * <p>hidapi and libusb free the handle on close; a read still running on another thread would
 * then touch freed memory and crash the JVM, which no {@code catch} can stop. So every native call
 * runs under the shared side of a read-write lock (a reader and a writer may overlap, as both
 * libraries allow), and {@link #close} takes the exclusive side: it first marks the guard closed so
 * no new call starts, then waits for the running ones to return before it releases the handle.
 * Callers therefore keep each native call short (reads are cut into slices) so a close is prompt.
 *
 * <p>Runtime exceptions and linkage errors thrown by the binding (JNA, usb4java) become
 * {@link TransportException} {@code IO}, so a misbehaving binding cannot unwind through the daemon.
 *
 * <p>Thread-safe.
 */
public final class NativeCallGuard {

    /** One native call; may itself throw a typed {@link TransportException}. */
    @FunctionalInterface
    public interface NativeCall<T> {
        T run() throws TransportException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(NativeCallGuard.class);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final String name;
    private volatile boolean closed;
    private boolean released;

    /** @param name what the guarded handle is, for error messages (e.g. the device path) */
    public NativeCallGuard(String name) {
        this.name = name;
    }

    /**
     * Runs {@code call} unless the guard is closed.
     *
     * @throws TransportException {@code DEVICE_GONE} once closed; {@code IO} if the binding threw
     */
    public <T> T call(String what, NativeCall<T> call) throws TransportException {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new TransportException(TransportException.Code.DEVICE_GONE, name + " is closed");
            }
            return call.run();
        } catch (RuntimeException | LinkageError e) {
            throw new TransportException(TransportException.Code.IO, name + ": " + what + " failed in the native library: " + describe(e), e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether {@link #close} has been called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Marks the guard closed, waits for running calls, then runs {@code release} exactly once over
     * the guard's life. Must not be called from inside {@link #call} (the lock is not upgradable).
     *
     * @return whether this call ran {@code release}
     */
    public boolean close(Runnable release) {
        closed = true;
        lock.writeLock().lock();
        try {
            if (released) {
                return false;
            }
            released = true;
            release.run();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Closes as {@link #close} does, but a {@code release} that throws still counts as done: the
     * handle is as released as it will ever be. The failure is logged rather than thrown, since a
     * channel's close must not fail.
     *
     * @return whether this call ran {@code release}, successfully or not
     */
    public boolean closeQuietly(Runnable release) {
        try {
            return close(release);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("{}: closing failed in the native library", name, e);
            return true;
        }
    }

    /**
     * A throwable and its causes on one line. Native loading failures hide their reason in the
     * cause (an ExceptionInInitializerError says nothing by itself), and the reason is what a user
     * needs to read.
     */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.toString());
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && cause != failure && depth < 5; depth++) {
            text.append(" <- ").append(cause);
            failure = cause;
            cause = cause.getCause();
        }
        return text.toString();
    }
}
