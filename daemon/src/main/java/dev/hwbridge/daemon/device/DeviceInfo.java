package dev.hwbridge.daemon.device;

import java.util.List;
import java.util.Objects;

/**
 * What {@code device.list} shows of a device before anyone holds it.
 *
 * @param id         the small id clients use ("1", "2", …), never an OS path
 * @param transport  "hid", "usb", "udp" or "tcp" (a Ledger emulator)
 * @param label      the label the device last reported, or null before it was asked
 * @param model      the model the device last reported, else the bus's product string
 * @param kind       {@link #HWBRIDGE} or {@link #LEDGER}
 * @param appVersion a Ledger's Polkadot app version once it was asked, else null
 * @param schemes    the key schemes the device last reported ("sr25519", "ed25519", "ecdsa"), empty before it was asked
 */
public record DeviceInfo(String id, String transport, String label, String model, String kind, String appVersion,
                         List<String> schemes) {

    public static final String HWBRIDGE = "hwbridge";
    public static final String LEDGER = "ledger";

    public DeviceInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(kind, "kind");
        schemes = List.copyOf(schemes);
    }

    /** An hwbridge device that has not told its schemes. */
    public DeviceInfo(String id, String transport, String label, String model) {
        this(id, transport, label, model, HWBRIDGE, null, List.of());
    }
}
