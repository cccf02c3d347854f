package dev.hwbridge.simulator.device;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What the device tells anyone, locked or not: its id (made once, kept across wipes, like a
 * serial number), its label and its one setting, whether blind signing is allowed. Public data;
 * it is kept outside the encrypted state.
 */
public record DeviceInfo(String deviceId, String label, boolean blindSigning) {

    /** The label of a device nobody has named. */
    public static final String DEFAULT_LABEL = "hwbridge simulator";
    private static final int ID_BYTES = 8;

    public DeviceInfo {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(label, "label");
    }

    /** With blind signing allowed, the default. */
    public DeviceInfo(String deviceId, String label) {
        this(deviceId, label, true);
    }

    /** A new device: a random id and {@code label} (the default label when empty). */
    public static DeviceInfo fresh(String label, SecureRandom random) {
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        return new DeviceInfo(HexFormat.of().formatHex(id), label.isEmpty() ? DEFAULT_LABEL : label);
    }

    public DeviceInfo withLabel(String newLabel) {
        return new DeviceInfo(deviceId, newLabel, blindSigning);
    }

    /** Whether a transaction without a metadata proof may be signed (after a warning). */
    public DeviceInfo withBlindSigning(boolean allowed) {
        return new DeviceInfo(deviceId, label, allowed);
    }
}
