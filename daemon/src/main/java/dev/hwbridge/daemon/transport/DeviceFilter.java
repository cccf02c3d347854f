package dev.hwbridge.daemon.transport;

import java.util.OptionalInt;

/**
 * Which USB devices the HID and raw USB buses report: a vendor id, optionally a product id, and
 * (HID only) the usage page of the device's top-level collection.
 *
 * @param vendorId  USB vendor id, 0..0xFFFF
 * @param productId USB product id 0..0xFFFF, or empty for any product of the vendor
 * @param usagePage HID usage page 0..0xFFFF; the raw USB bus ignores it (usage pages are a HID notion)
 */
public record DeviceFilter(int vendorId, OptionalInt productId, int usagePage) {

    /** The pid.codes vendor id, shared by open-source hardware and free for test devices. */
    public static final int PID_CODES_VENDOR_ID = 0x1209;

    /** The first vendor-defined HID usage page (0xFF00..0xFFFF are reserved for vendors). */
    public static final int VENDOR_DEFINED_USAGE_PAGE = 0xFF00;

    public DeviceFilter {
        checkU16(vendorId, "vendorId");
        if (productId == null) {
            productId = OptionalInt.empty();
        }
        productId.ifPresent(id -> checkU16(id, "productId"));
        checkU16(usagePage, "usagePage");
    }

    /** The pid.codes vendor id, any product, the vendor-defined usage page 0xFF00. */
    public static DeviceFilter defaults() {
        return new DeviceFilter(PID_CODES_VENDOR_ID, OptionalInt.empty(), VENDOR_DEFINED_USAGE_PAGE);
    }

    public DeviceFilter withVendorId(int id) {
        return new DeviceFilter(id, productId, usagePage);
    }

    public DeviceFilter withProductId(int id) {
        return new DeviceFilter(vendorId, OptionalInt.of(id), usagePage);
    }

    public DeviceFilter withAnyProduct() {
        return new DeviceFilter(vendorId, OptionalInt.empty(), usagePage);
    }

    public DeviceFilter withUsagePage(int page) {
        return new DeviceFilter(vendorId, productId, page);
    }

    /** Whether a raw USB device with these ids passes (the usage page plays no part). */
    public boolean matchesUsb(int deviceVendorId, int deviceProductId) {
        return deviceVendorId == vendorId
                && (productId.isEmpty() || productId.getAsInt() == deviceProductId);
    }

    /** Whether a HID collection with these ids and usage page passes. */
    public boolean matchesHid(int deviceVendorId, int deviceProductId, int deviceUsagePage) {
        return matchesUsb(deviceVendorId, deviceProductId) && deviceUsagePage == usagePage;
    }

    private static void checkU16(int value, String name) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(name + " must be within 0..0xFFFF, was " + value);
        }
    }

    @Override
    public String toString() {
        return String.format("DeviceFilter[vendor=%04x, product=%s, usagePage=%04x]", vendorId,
                productId.isPresent() ? String.format("%04x", productId.getAsInt()) : "any", usagePage);
    }
}
