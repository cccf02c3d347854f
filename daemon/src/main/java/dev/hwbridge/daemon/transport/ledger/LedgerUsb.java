package dev.hwbridge.daemon.transport.ledger;

import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.DeviceFilter;

/** How a Ledger shows itself on USB and in a {@link DeviceDescriptor}. */
public final class LedgerUsb {

    /** Ledger's USB vendor id. */
    public static final int VENDOR_ID = DeviceFilter.LEDGER_VENDOR_ID;

    private LedgerUsb() {
    }

    /** Whether the descriptor is a Ledger (on USB, or Speculos on TCP). */
    public static boolean isLedger(DeviceDescriptor descriptor) {
        return descriptor.vendorId() == VENDOR_ID;
    }
}
