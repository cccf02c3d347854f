package dev.hwbridge.daemon.transport.hid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.DeviceFilter;
import dev.hwbridge.daemon.transport.HotPlugRecorder;
import dev.hwbridge.daemon.transport.TransportException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real hid4java and hidapi on this machine: the native library must load and enumerate. */
class RealHidBusTest {

    @Test
    void theRealBusLoadsHidapiEnumeratesAndWatchesWithoutError() throws TransportException, InterruptedException {
        DeviceFilter filter = DeviceFilter.defaults();
        try (HidBus bus = HidBus.create(filter)) {
            List<DeviceDescriptor> devices = bus.enumerate();

            // A build machine has no USB bus, so this is empty there; a developer's signer would pass the filter.
            assertThat(devices).allSatisfy(d -> {
                assertThat(d.path()).matches("hid:[0-9a-f]{16}");
                assertThat(filter.matchesUsb(d.vendorId(), d.productId())).isTrue();
            });

            HotPlugRecorder recorder = new HotPlugRecorder();
            bus.watch(recorder);
            // One scan: only devices present from the start may show up, each as an attach.
            Thread.sleep(HidBus.SCAN_INTERVAL_MS + 200);
            for (int i = 0; i < devices.size(); i++) {
                recorder.assertAttached();
            }
            recorder.assertQuietFor(Duration.ofMillis(50));
        }
    }
}
