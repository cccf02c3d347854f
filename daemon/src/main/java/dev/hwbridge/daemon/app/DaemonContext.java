package dev.hwbridge.daemon.app;

import dev.hwbridge.daemon.server.HealthSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the method handlers share for one daemon run: the configuration, the version, the
 * resources to close when the daemon stops, and the device count /health reports. Thread-safe.
 */
public final class DaemonContext implements HealthSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonContext.class);

    private final DaemonConfig config;
    private final String version;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private volatile IntSupplier deviceCounter;
    private boolean closed;

    public DaemonContext(DaemonConfig config, String version) {
        this.config = Objects.requireNonNull(config, "config");
        this.version = Objects.requireNonNull(version, "version");
    }

    public DaemonConfig config() {
        return config;
    }

    @Override
    public String version() {
        return version;
    }

    /**
     * Registers {@code resource} to be closed when the daemon stops, after the server has closed
     * every connection; resources close in reverse order of registration.
     *
     * @return {@code resource}, for chaining
     * @throws IllegalStateException if the context is already closed
     */
    public synchronized <T extends AutoCloseable> T closeOnStop(T resource) {
        Objects.requireNonNull(resource, "resource");
        if (closed) {
            throw new IllegalStateException("the daemon is stopping");
        }
        resources.push(resource);
        return resource;
    }

    /** Sets what /health reports as "devices"; it must be cheap and must not block. */
    public void deviceCounter(IntSupplier counter) {
        this.deviceCounter = Objects.requireNonNull(counter, "counter");
    }

    @Override
    public OptionalInt deviceCount() {
        IntSupplier counter = deviceCounter;
        return counter == null ? OptionalInt.empty() : OptionalInt.of(counter.getAsInt());
    }

    /** Closes every registered resource, newest first; a failure is logged and the rest still close. */
    @Override
    public void close() {
        Deque<AutoCloseable> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayDeque<>(resources);
            resources.clear();
        }
        for (AutoCloseable resource : toClose) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", resource.getClass().getSimpleName(), e);
            }
        }
    }
}
