package dev.hwbridge.daemon.device;

import dev.hwbridge.daemon.transport.BusListener;
import dev.hwbridge.daemon.transport.DeviceBus;
import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.protocol.message.GetFeatures;
import dev.hwbridge.protocol.message.Request;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attached devices of every configured bus, under small ids ("1", "2", …) as trezord-go gives
 * them: clients never see OS paths, and a device that comes back at the same path gets its old id
 * back for the daemon's lifetime. Nothing above this class asks which bus a device is on.
 *
 * <p>When a device attaches, its Features are fetched in the background, so {@code device.list}
 * can show its label and model before anyone holds it.
 *
 * <p>Thread-safe. Listeners are called from bus threads, one event at a time.
 */
public final class DeviceManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceManager.class);
    private static final Request GET_FEATURES = Request.newBuilder().setGetFeatures(GetFeatures.getDefaultInstance()).build();

    static final long DEVICE_THREAD_KEEP_ALIVE_SECONDS = 1;

    private final Connector connector;
    private final List<DeviceBus> buses = new ArrayList<>();
    private final List<DeviceListener> listeners = new CopyOnWriteArrayList<>();
    /**
     * Opens devices (INIT blocks) and runs the blocking work in each device's queue, one thread
     * per device while it has such work, none while it is idle: the calls waiting for a device
     * hold no thread, nor do started ones while the device works (see {@link CallQueue}). An idle
     * thread ends after {@link #DEVICE_THREAD_KEEP_ALIVE_SECONDS}, not a cached pool's minute: each
     * keeps about 80 KiB resident, and the blocking work (opening a device, a discovery) takes far
     * longer than starting a thread.
     */
    private final ExecutorService deviceThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE,
            DEVICE_THREAD_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(), new ThreadFactory() {
                private final AtomicInteger count = new AtomicInteger();

                @Override
                public Thread newThread(Runnable runnable) {
                    Thread thread = new Thread(runnable, "hwbridge-device-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }
            });

    // Guarded by this.
    private final Map<String, String> idByPath = new HashMap<>();
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private int lastId;
    private boolean closed;

    private DeviceManager(Connector connector) {
        this.connector = connector;
    }

    /**
     * Starts every bus; one that fails to start (no native library, no permission) is logged once
     * and left out, so the daemon still serves the others.
     */
    public static DeviceManager start(List<BusFactory> factories, Connector connector) {
        DeviceManager manager = new DeviceManager(connector);
        for (BusFactory factory : factories) {
            DeviceBus bus;
            try {
                bus = factory.starter().start();
            } catch (Exception | LinkageError e) {
                LOG.warn("device bus {} is not available and is skipped: {}", factory.name(), e.toString());
                continue;
            }
            synchronized (manager) {
                manager.buses.add(bus);
            }
            bus.watch(manager.new Watcher(bus));
        }
        return manager;
    }

    /** The attached devices, by id. */
    public synchronized List<Device> list() {
        List<Device> all = new ArrayList<>(devices.values());
        all.sort(Comparator.comparingInt(device -> Integer.parseInt(device.id())));
        return all;
    }

    public synchronized Optional<Device> find(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    /** Adds a listener; it hears only of later changes (call {@link #list()} after adding it). */
    public void addListener(DeviceListener listener) {
        listeners.add(listener);
    }

    public void removeListener(DeviceListener listener) {
        listeners.remove(listener);
    }

    /** Closes every bus; their devices are detached, failing calls in progress. */
    @Override
    public void close() {
        List<DeviceBus> toClose;
        List<Device> toDetach;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(buses);
            toDetach = new ArrayList<>(devices.values());
            devices.clear();
        }
        deviceThreads.shutdownNow();
        for (Device device : toDetach) {
            device.detach();
        }
        // A bus stops reporting when closed; events racing with it find the manager closed.
        for (DeviceBus bus : toClose) {
            try {
                bus.close();
            } catch (RuntimeException e) {
                LOG.warn("closing device bus {} failed", bus.name(), e);
            }
        }
    }

    private void attached(DeviceBus bus, DeviceDescriptor descriptor) {
        Device device;
        synchronized (this) {
            if (closed) {
                return;
            }
            String id = idByPath.computeIfAbsent(descriptor.path(), path -> Integer.toString(++lastId));
            if (devices.containsKey(id)) {
                return;
            }
            device = new Device(id, descriptor, () -> open(bus, descriptor), deviceThreads);
            devices.put(id, device);
        }
        LOG.info("device {} attached ({})", device.id(), descriptor.transport());
        fetchFeatures(device);
        for (DeviceListener listener : listeners) {
            listener.attached(device);
        }
    }

    private void detached(DeviceDescriptor descriptor) {
        Device device;
        synchronized (this) {
            if (closed) {
                return;
            }
            String id = idByPath.get(descriptor.path());
            device = id == null ? null : devices.remove(id);
        }
        if (device == null) {
            return;
        }
        LOG.info("device {} detached", device.id());
        device.detach();
        for (DeviceListener listener : listeners) {
            listener.detached(device);
        }
    }

    private DeviceConnection open(DeviceBus bus, DeviceDescriptor descriptor) throws DeviceException {
        DeviceChannel channel;
        try {
            channel = bus.open(descriptor.path());
        } catch (TransportException e) {
            throw DeviceFailures.of(e);
        }
        try {
            return connector.connect(channel);
        } catch (DeviceException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void fetchFeatures(Device device) {
        try {
            device.submitStarted(() -> device.callAsync(GET_FEATURES, reply -> { }, () -> true)).whenComplete((reply, failure) -> {
                if (failure != null) {
                    // Only the label in device.list is missing; device.features will ask again.
                    LOG.info("device {} did not tell its features on attach: {}", device.id(), describe(failure));
                }
            });
        } catch (DeviceException e) {
            LOG.debug("device {} attached while the manager closes: {}", device.id(), e.error());
        }
    }

    private static Object describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof DeviceException e ? e.error() : cause.getClass().getSimpleName();
    }

    /** Routes one bus's events to the manager. */
    private final class Watcher implements BusListener {

        private final DeviceBus bus;

        Watcher(DeviceBus bus) {
            this.bus = bus;
        }

        @Override
        public void attached(DeviceDescriptor device) {
            DeviceManager.this.attached(bus, device);
        }

        @Override
        public void detached(DeviceDescriptor device) {
            DeviceManager.this.detached(device);
        }
    }
}
