package dev.hwbridge.daemon.transport.usb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.DeviceFilter;
import dev.hwbridge.daemon.transport.HotPlugRecorder;
import dev.hwbridge.daemon.transport.TransportException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real usb4java and libusb on this machine: the native library must load and enumerate. */
class RealUsbBusTest {

    @Test
    void theRealBusLoadsLibusbEnumeratesAndWatchesWithoutError() throws TransportException, InterruptedException {
        DeviceFilter filter = DeviceFilter.defaults();
        try (UsbBus bus = UsbBus.create(filter)) {
            List<DeviceDescriptor> devices = bus.enumerate();

            // A build machine has no USB bus, so this is empty there; a developer's signer would pass the filter.
            assertThat(devices).allSatisfy(d -> {
                assertThat(d.path()).matches("usb:[0-9a-f]{16}");
                assertThat(filter.matchesUsb(d.vendorId(), d.productId())).isTrue();
            });

            HotPlugRecorder recorder = new HotPlugRecorder();
            bus.watch(recorder);
            for (int i = 0; i < devices.size(); i++) {
                recorder.assertAttached();
            }
            recorder.assertQuietFor(Duration.ofMillis(600));
        }
    }
}
