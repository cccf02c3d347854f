package dev.hwbridge.daemon.app;

import dev.hwbridge.daemon.device.BusFactory;
import dev.hwbridge.daemon.loop.IoLoop;
import dev.hwbridge.daemon.transport.DeviceFilter;
import dev.hwbridge.daemon.transport.hid.HidBus;
import dev.hwbridge.daemon.transport.ledger.SpeculosBus;
import dev.hwbridge.daemon.transport.udp.ProbeSettings;
import dev.hwbridge.daemon.transport.udp.UdpBus;
import dev.hwbridge.daemon.transport.usb.UsbBus;
import java.util.ArrayList;
import java.util.List;

/** The buses a configuration asks for: Speculos ports, the UDP simulators, then USB HID (hwbridge devices, Ledgers) and raw USB unless disabled. */
final class DaemonBuses {

    private DaemonBuses() {
    }

    /** @param loop the loop the UDP transport's channels are registered on */
    static List<BusFactory> of(DaemonConfig config, IoLoop loop) {
        List<BusFactory> buses = new ArrayList<>();
        if (!config.speculos().isEmpty()) {
            buses.add(new BusFactory("tcp " + config.speculos(), () -> new SpeculosBus(config.speculos())));
        }
        if (!config.simulators().isEmpty()) {
            buses.add(new BusFactory("udp " + config.simulators(), () -> new UdpBus(config.simulators(), ProbeSettings.DEFAULT, loop.group())));
        }
        if (config.hidEnabled()) {
            // Ledgers are opened on HID only: the Ledger client frames its APDUs on HID reports.
            buses.add(new BusFactory(HidBus.NAME, () -> HidBus.create(DeviceFilter.defaults().withLedgersOpened())));
        }
        if (config.usbEnabled()) {
            buses.add(new BusFactory(UsbBus.NAME, () -> UsbBus.create(DeviceFilter.defaults())));
        }
        return buses;
    }
}
