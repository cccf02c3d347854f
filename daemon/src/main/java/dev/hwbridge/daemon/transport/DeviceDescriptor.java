package dev.hwbridge.daemon.transport;

import java.util.Objects;

/**
 * What a bus knows of a device before opening it.
 *
 * @param path      stable for as long as the device stays attached; starts with {@code transport + ":"}
 * @param transport the bus name: {@code "hid"}, {@code "usb"} or {@code "udp"}
 * @param vendorId  USB vendor id (0 for a simulator)
 * @param productId USB product id (0 for a simulator)
 * @param product   the product string, or a description; never null
 * @param serial    the serial number, or empty
 */
public record DeviceDescriptor(String path, String transport, int vendorId, int productId, String product, String serial) {

    public DeviceDescriptor {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(transport, "transport");
        if (!path.startsWith(transport + ":")) {
            throw new IllegalArgumentException("path must start with the transport name");
        }
        product = product == null ? "" : product;
        serial = serial == null ? "" : serial;
    }
}
