package dev.hwbridge.daemon.transport.ledger;

import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.DeviceFilter;
import java.util.OptionalInt;

/** How a Ledger shows itself on USB and in a {@link DeviceDescriptor}. */
public final class LedgerUsb {

    /** Ledger's USB vendor id. */
    public static final int VENDOR_ID = 0x2C97;
    /** The usage page of a Ledger's APDU interface (interface 0 on Linux). */
    public static final int USAGE_PAGE = 0xFFA0;

    private LedgerUsb() {
    }

    /** Every Ledger model, its APDU interface only. */
    public static DeviceFilter hidFilter() {
        return new DeviceFilter(VENDOR_ID, OptionalInt.empty(), USAGE_PAGE);
    }

    /** Whether the descriptor is a Ledger (on USB, or Speculos on TCP). */
    public static boolean isLedger(DeviceDescriptor descriptor) {
        return descriptor.vendorId() == VENDOR_ID;
    }
}
