package dev.hwbridge.daemon.transport;

import java.util.List;

/**
 * One way of reaching devices (USB HID, raw USB, UDP simulators). A bus claims the device paths
 * that start with its {@link #name()} and a colon, e.g. {@code "hid:…"}, {@code "udp:127.0.0.1:21336"}.
 *
 * <p>Thread-safe. Listeners are called from the bus's own thread and must not block.
 */
public interface DeviceBus extends AutoCloseable {

    /** The transport name, also the prefix of every path this bus hands out. */
    String name();

    /** The devices present now. Never throws for an empty bus. */
    List<DeviceDescriptor> enumerate() throws TransportException;

    /** Opens a device by the path {@link #enumerate()} gave. */
    DeviceChannel open(String path) throws TransportException;

    /** Starts reporting attach and detach events to {@code listener} (replacing any earlier one). */
    void watch(BusListener listener);

    /** Stops watching and releases what the bus holds; open channels are closed. */
    @Override
    void close();
}
