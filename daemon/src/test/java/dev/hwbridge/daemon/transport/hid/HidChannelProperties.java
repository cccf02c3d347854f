package dev.hwbridge.daemon.transport.hid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.TransportException.Code;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.hid4java.HidDevice;

class HidChannelProperties {

    private static final DeviceDescriptor DESCRIPTOR =
            new DeviceDescriptor("hid:0011223344556677", "hid", 0x1209, 0x53C1, "Signer", "");

    /** Whatever hidapi hands back, a read yields one whole report, nothing, or a typed error. */
    @Property(tries = 200)
    void anyDeviceOutputGivesAReportNothingOrATypedError(@ForAll @Size(max = 65) byte[] deviceBytes,
                                                        @ForAll @IntRange(min = -3, max = 70) int hidapiResult,
                                                        @ForAll boolean stillAttached) {
        HidDevice device = mock(HidDevice.class);
        when(device.read(any(byte[].class), anyInt())).thenAnswer(call -> {
            byte[] buffer = call.getArgument(0);
            System.arraycopy(deviceBytes, 0, buffer, 0, Math.min(deviceBytes.length, buffer.length));
            return hidapiResult;
        });
        HidChannel channel = new HidChannel(device, DESCRIPTOR, () -> stillAttached, c -> { });

        try {
            Optional<byte[]> report = channel.read(Duration.ZERO);
            if (report.isPresent()) {
                assertThat(hidapiResult).isEqualTo(64);
                assertThat(report.get()).isEqualTo(Arrays.copyOf(deviceBytes, 64));
            } else {
                assertThat(hidapiResult).isZero();
            }
        } catch (TransportException e) {
            Code expected = hidapiResult > 0 ? Code.BAD_REPORT : stillAttached ? Code.IO : Code.DEVICE_GONE;
            assertThat(e.code()).isEqualTo(expected);
        }
    }
}
