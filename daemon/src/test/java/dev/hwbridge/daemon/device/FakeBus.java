package dev.hwbridge.daemon.device;

import dev.hwbridge.daemon.transport.BusListener;
import dev.hwbridge.daemon.transport.DeviceBus;
import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A bus whose devices tests plug and unplug; its channels carry nothing (the connector is scripted). */
public final class FakeBus implements DeviceBus {

    private final String name;
    private final List<DeviceDescriptor> present = new ArrayList<>();
    private BusListener listener;
    private boolean closed;

    public FakeBus(String name) {
        this.name = name;
    }

    public DeviceDescriptor descriptor(String location) {
        return new DeviceDescriptor(name + ":" + location, name, 0x1209, 0x1, "hwbridge " + name + " device", "");
    }

    /** Plugs in a device and tells the listener, as a bus thread would. */
    public synchronized DeviceDescriptor plug(String location) {
        DeviceDescriptor device = descriptor(location);
        present.add(device);
        if (listener != null) {
            listener.attached(device);
        }
        return device;
    }

    public synchronized void unplug(String location) {
        DeviceDescriptor device = descriptor(location);
        present.remove(device);
        if (listener != null) {
            listener.detached(device);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized List<DeviceDescriptor> enumerate() {
        return List.copyOf(present);
    }

    @Override
    public synchronized DeviceChannel open(String path) throws TransportException {
        for (DeviceDescriptor device : present) {
            if (device.path().equals(path)) {
                return new NullChannel(device);
            }
        }
        throw new TransportException(TransportException.Code.NOT_FOUND, "no device at " + path);
    }

    @Override
    public synchronized void watch(BusListener newListener) {
        // As HidBus and UsbBus do: a listener is required.
        listener = java.util.Objects.requireNonNull(newListener, "listener");
        if (listener != null) {
            present.forEach(listener::attached);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** A channel that is only passed to the scripted connector. */
    private record NullChannel(DeviceDescriptor descriptor) implements DeviceChannel {

        @Override
        public void write(byte[] report) {
        }

        @Override
        public Optional<byte[]> read(Duration timeout) {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    }
}
