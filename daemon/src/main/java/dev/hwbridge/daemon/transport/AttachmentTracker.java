package dev.hwbridge.daemon.transport;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * What a bus that finds devices by enumerating has told its listener is attached. Hot-plug hints
 * from the native libraries can be late, doubled or out of order, so such a bus enumerates again
 * and hands the result to {@link #update}, which reports only the difference: detaches first, then
 * attaches, each once.
 *
 * <p>Not thread-safe: a bus uses its tracker only on its {@link BusEventThread}.
 */
public final class AttachmentTracker {

    private final String transport;
    private final Logger log;
    private final Map<String, DeviceDescriptor> reported = new LinkedHashMap<>();

    /**
     * @param transport how log lines name the transport, e.g. {@code "HID"}
     * @param log       the owning bus's logger, so its attach and detach lines keep their origin
     */
    public AttachmentTracker(String transport, Logger log) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Reports to {@code target} (no one if null) the devices reported before whose paths are missing
     * from {@code now} as detached, then those in {@code now} with a path not reported before as
     * attached, in the order given, and remembers {@code now}.
     */
    public void update(Collection<DeviceDescriptor> now, BusListener target) {
        Map<String, DeviceDescriptor> present = new LinkedHashMap<>();
        now.forEach(device -> present.putIfAbsent(device.path(), device));
        for (var it = reported.entrySet().iterator(); it.hasNext(); ) {
            var gone = it.next();
            if (!present.containsKey(gone.getKey())) {
                it.remove();
                log.info("{} device detached: {}", transport, summary(gone.getValue()));
                deliver(target, gone.getValue(), false);
            }
        }
        present.forEach((path, device) -> {
            if (!reported.containsKey(path)) {
                reported.put(path, device);
                log.info("{} device attached: {}", transport, summary(device));
                deliver(target, device, true);
            }
        });
    }

    /** Tells a newly set listener of every device reported so far, so it misses nothing. */
    public void replay(BusListener target) {
        reported.values().forEach(device -> deliver(target, device, true));
    }

    private void deliver(BusListener target, DeviceDescriptor device, boolean attached) {
        if (target == null) {
            return;
        }
        try {
            if (attached) {
                target.attached(device);
            } else {
                target.detached(device);
            }
        } catch (RuntimeException e) {
            // A listener bug must not stop the events that follow.
            log.warn("a bus listener failed on {}", device.path(), e);
        }
    }

    private static String summary(DeviceDescriptor device) {
        return String.format("%s %04x:%04x \"%s\" serial \"%s\"", device.path(), device.vendorId(), device.productId(),
                device.product(), device.serial());
    }
}
