package dev.hwbridge.daemon.transport.usb;

import java.util.List;
import java.util.Optional;

/**
 * What libusb tells of one attached device without opening it, copied out of libusb's native
 * descriptor structures so nothing native outlives the listing.
 *
 * @param location     where the device is plugged in, {@code "bus-port.port…"} (e.g. {@code "1-2.4"})
 * @param vendorId     idVendor, 0..0xFFFF
 * @param productId    idProduct, 0..0xFFFF
 * @param productIndex iProduct, the string descriptor index of the product name (0: none)
 * @param serialIndex  iSerialNumber (0: none)
 * @param interfaces   the interfaces of the active configuration, every alternate setting
 */
record UsbDeviceInfo(String location, int vendorId, int productId, int productIndex, int serialIndex, List<Interface> interfaces) {

    /** bInterfaceClass of a vendor-specific interface, as WebUSB devices use. */
    static final int VENDOR_SPECIFIC_CLASS = 0xFF;

    UsbDeviceInfo {
        interfaces = List.copyOf(interfaces);
    }

    /**
     * The first vendor-specific interface, in its default alternate setting, with an interrupt IN
     * and an interrupt OUT endpoint: where a WebUSB-style signer speaks its reports.
     */
    Optional<VendorInterface> vendorInterface() {
        for (Interface candidate : interfaces) {
            if (candidate.interfaceClass() != VENDOR_SPECIFIC_CLASS || candidate.alternateSetting() != 0) {
                continue;
            }
            Optional<Endpoint> in = candidate.endpoints().stream().filter(e -> e.isInterrupt() && e.isIn()).findFirst();
            Optional<Endpoint> out = candidate.endpoints().stream().filter(e -> e.isInterrupt() && !e.isIn()).findFirst();
            if (in.isPresent() && out.isPresent()) {
                return Optional.of(new VendorInterface(candidate.number(), (byte) in.get().address(), (byte) out.get().address()));
            }
        }
        return Optional.empty();
    }

    /** One alternate setting of one interface. */
    record Interface(int number, int alternateSetting, int interfaceClass, List<Endpoint> endpoints) {
        Interface {
            endpoints = List.copyOf(endpoints);
        }
    }

    /** One endpoint: bEndpointAddress (bit 7 set: IN) and bmAttributes (low two bits: transfer type). */
    record Endpoint(int address, int attributes) {

        private static final int DIRECTION_IN = 0x80;
        private static final int TRANSFER_TYPE_MASK = 0x03;
        private static final int TRANSFER_TYPE_INTERRUPT = 0x03;

        boolean isIn() {
            return (address & DIRECTION_IN) != 0;
        }

        boolean isInterrupt() {
            return (attributes & TRANSFER_TYPE_MASK) == TRANSFER_TYPE_INTERRUPT;
        }
    }

    /** The interface a channel claims and its two endpoint addresses. */
    record VendorInterface(int number, byte inEndpoint, byte outEndpoint) {
    }
}
