package dev.hwbridge.daemon.device;

import java.util.Objects;

/**
 * What {@code device.list} shows of a device before anyone holds it.
 *
 * @param id        the small id clients use ("1", "2", …), never an OS path
 * @param transport "hid", "usb" or "udp"
 * @param label     the label the device last reported, or null before it was asked
 * @param model     the model the device last reported, else the bus's product string
 */
public record DeviceInfo(String id, String transport, String label, String model) {

    public DeviceInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(model, "model");
    }
}
