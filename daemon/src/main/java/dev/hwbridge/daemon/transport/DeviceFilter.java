package dev.hwbridge.daemon.transport;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The USB devices the daemon knows, and of those the ones it opens. Anything else (another wallet
 * under the same vendor id, such as Trezor's 1209:53c1) is never opened, claimed or written to:
 * the HID and raw USB buses do not even list it. The udev rule in {@code src/packaging/linux}
 * grants access to the same pairs only.
 *
 * <ul>
 *   <li>hwbridge signers: exactly {@value #PID_CODES_VENDOR_ID_HEX}:{@value #HWBRIDGE_PRODUCT_ID_HEX}
 *       (a pid.codes test product id, until pid.codes grants one of our own), HID usage page 0xFF00.</li>
 *   <li>Ledger: vendor 0x2c97, any product, HID interface 0 with usage page 0xFFA0. Known, so that
 *       it can be told apart; opened only by the HID bus ({@link #withLedgersOpened()}), whose
 *       channel the daemon's Ledger client frames APDUs on. Raw USB never opens it.</li>
 * </ul>
 *
 * @param known the devices known, in the order they are tried
 */
public record DeviceFilter(List<KnownDevice> known) {

    /** The pid.codes vendor id, shared by open-source hardware and free for test devices. */
    public static final int PID_CODES_VENDOR_ID = 0x1209;
    /** The pid.codes test product id hwbridge signers use (see PROTOCOL.md). */
    public static final int HWBRIDGE_PRODUCT_ID = 0x0001;
    /** The first vendor-defined HID usage page (0xFF00..0xFFFF are reserved for vendors). */
    public static final int VENDOR_DEFINED_USAGE_PAGE = 0xFF00;
    /** Ledger SAS's USB vendor id. */
    public static final int LEDGER_VENDOR_ID = 0x2C97;
    /** The usage page of a Ledger's HID interface (interface 0). */
    public static final int LEDGER_USAGE_PAGE = 0xFFA0;

    static final String PID_CODES_VENDOR_ID_HEX = "0x1209";
    static final String HWBRIDGE_PRODUCT_ID_HEX = "0x0001";

    /** What a known device is. */
    public enum Kind {
        HWBRIDGE,
        LEDGER
    }

    /**
     * One kind of device the daemon knows.
     *
     * @param kind      what it is
     * @param vendorId  USB vendor id, 0..0xFFFF
     * @param productId USB product id 0..0xFFFF, or empty for any product of the vendor
     * @param usagePage the HID usage page of its interface; the raw USB bus ignores it
     * @param opened    whether the daemon opens it (lists, claims, writes to it)
     */
    public record KnownDevice(Kind kind, int vendorId, OptionalInt productId, int usagePage, boolean opened) {

        public KnownDevice {
            Objects.requireNonNull(kind, "kind");
            checkU16(vendorId, "vendorId");
            if (productId == null) {
                productId = OptionalInt.empty();
            }
            productId.ifPresent(id -> checkU16(id, "productId"));
            checkU16(usagePage, "usagePage");
        }

        boolean matchesUsb(int deviceVendorId, int deviceProductId) {
            return deviceVendorId == vendorId && (productId.isEmpty() || productId.getAsInt() == deviceProductId);
        }

        @Override
        public String toString() {
            return String.format("%s %04x:%s page %04x%s", kind, vendorId,
                    productId.isPresent() ? String.format("%04x", productId.getAsInt()) : "any", usagePage,
                    opened ? "" : " (not opened)");
        }
    }

    public DeviceFilter {
        known = List.copyOf(known);
    }

    /** hwbridge signers (opened) and Ledgers (known, not opened). */
    public static DeviceFilter defaults() {
        return new DeviceFilter(List.of(
                new KnownDevice(Kind.HWBRIDGE, PID_CODES_VENDOR_ID, OptionalInt.of(HWBRIDGE_PRODUCT_ID),
                        VENDOR_DEFINED_USAGE_PAGE, true),
                new KnownDevice(Kind.LEDGER, LEDGER_VENDOR_ID, OptionalInt.empty(), LEDGER_USAGE_PAGE, false)));
    }

    /** The same, with Ledgers opened too: for the HID bus, over which the daemon speaks the Ledger's APDUs. */
    public DeviceFilter withLedgersOpened() {
        return new DeviceFilter(known.stream().map(k -> k.kind() == Kind.LEDGER
                ? new KnownDevice(Kind.LEDGER, k.vendorId(), k.productId(), k.usagePage(), true) : k).toList());
    }

    /** hwbridge signers under another product id (a device granted its own). */
    public DeviceFilter withProductId(int id) {
        return replaceHwbridge(new KnownDevice(Kind.HWBRIDGE, PID_CODES_VENDOR_ID, OptionalInt.of(id),
                hwbridge().usagePage(), true));
    }

    /** hwbridge signers on another HID usage page. */
    public DeviceFilter withUsagePage(int page) {
        KnownDevice current = hwbridge();
        return replaceHwbridge(new KnownDevice(Kind.HWBRIDGE, current.vendorId(), current.productId(), page, true));
    }

    /** The known device a raw USB device with these ids is, if any (the usage page plays no part). */
    public Optional<KnownDevice> knownUsb(int deviceVendorId, int deviceProductId) {
        return known.stream().filter(k -> k.matchesUsb(deviceVendorId, deviceProductId)).findFirst();
    }

    /** The known device a HID interface with these ids and usage page is, if any. */
    public Optional<KnownDevice> knownHid(int deviceVendorId, int deviceProductId, int deviceUsagePage) {
        return known.stream()
                .filter(k -> k.matchesUsb(deviceVendorId, deviceProductId) && k.usagePage() == deviceUsagePage)
                .findFirst();
    }

    /** Whether the daemon opens a raw USB device with these ids. */
    public boolean matchesUsb(int deviceVendorId, int deviceProductId) {
        return knownUsb(deviceVendorId, deviceProductId).filter(KnownDevice::opened).isPresent();
    }

    /** Whether the daemon opens a HID interface with these ids and usage page. */
    public boolean matchesHid(int deviceVendorId, int deviceProductId, int deviceUsagePage) {
        return knownHid(deviceVendorId, deviceProductId, deviceUsagePage).filter(KnownDevice::opened).isPresent();
    }

    /** The vendor ids of the devices the daemon opens, each once (for hot-plug registration). */
    public List<Integer> openedVendorIds() {
        return known.stream().filter(KnownDevice::opened).map(KnownDevice::vendorId).distinct().toList();
    }

    private KnownDevice hwbridge() {
        return known.stream().filter(k -> k.kind() == Kind.HWBRIDGE).findFirst()
                .orElseThrow(() -> new IllegalStateException("no hwbridge entry in " + this));
    }

    private DeviceFilter replaceHwbridge(KnownDevice replacement) {
        return new DeviceFilter(known.stream().map(k -> k.kind() == Kind.HWBRIDGE ? replacement : k).toList());
    }

    private static void checkU16(int value, String name) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(name + " must be within 0..0xFFFF, was " + value);
        }
    }

    @Override
    public String toString() {
        return "DeviceFilter" + known;
    }
}
