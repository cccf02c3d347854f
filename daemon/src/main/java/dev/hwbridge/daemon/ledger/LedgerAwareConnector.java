package dev.hwbridge.daemon.ledger;

import dev.hwbridge.daemon.device.Connector;
import dev.hwbridge.daemon.device.DeviceConnection;
import dev.hwbridge.daemon.device.DeviceException;
import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.daemon.transport.ledger.ApduTransport;
import dev.hwbridge.daemon.transport.ledger.HidApduTransport;
import dev.hwbridge.daemon.transport.ledger.LedgerUsb;
import java.util.Objects;

/**
 * Connects each channel by what is on its other end: a Ledger (its vendor id, on USB HID or a
 * Speculos port) gets a {@link LedgerConnection}, every other device the hwbridge protocol's.
 */
public final class LedgerAwareConnector implements Connector {

    private final Connector hwbridge;

    public LedgerAwareConnector(Connector hwbridge) {
        this.hwbridge = Objects.requireNonNull(hwbridge, "hwbridge");
    }

    @Override
    public DeviceConnection connect(DeviceChannel channel) throws DeviceException {
        if (!LedgerUsb.isLedger(channel.descriptor())) {
            return hwbridge.connect(channel);
        }
        ApduTransport apdus = channel instanceof ApduTransport speaksApdus ? speaksApdus : new HidApduTransport(channel);
        return new LedgerConnection(apdus, channel.descriptor().product());
    }
}
