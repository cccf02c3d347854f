package dev.hwbridge.daemon.transport.usb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyByte;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.TransportException.Code;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.usb4java.DeviceHandle;
import org.usb4java.LibUsb;

class UsbChannelProperties {

    private static final DeviceDescriptor DESCRIPTOR =
            new DeviceDescriptor("usb:0011223344556677", "usb", 0x1209, 0x53C1, "Signer", "");
    private static final UsbDeviceInfo.VendorInterface INTERFACE = new UsbDeviceInfo.VendorInterface(0, (byte) 0x81, (byte) 0x01);

    /** Whatever libusb hands back, a read yields one whole report, nothing, or a typed error. */
    @Property(tries = 200)
    void anyTransferOutcomeGivesAReportNothingOrATypedError(@ForAll @Size(max = 64) byte[] deviceBytes,
                                                           @ForAll @IntRange(min = -100, max = 0) int libusbResult,
                                                           @ForAll @IntRange(min = 0, max = 200) int transferred) {
        LibUsbApi api = mock(LibUsbApi.class);
        when(api.interruptTransfer(any(DeviceHandle.class), anyByte(), any(ByteBuffer.class), any(IntBuffer.class), anyLong()))
                .thenAnswer(call -> {
                    ((ByteBuffer) call.getArgument(2)).put(0, deviceBytes);
                    ((IntBuffer) call.getArgument(3)).put(0, transferred);
                    return libusbResult;
                });
        UsbChannel channel = new UsbChannel(api, new DeviceHandle(), DESCRIPTOR, INTERFACE, false, Duration.ofMillis(50), c -> { });

        try {
            Optional<byte[]> report = channel.read(Duration.ZERO);
            if (report.isPresent()) {
                assertThat(libusbResult).isEqualTo(LibUsb.SUCCESS);
                assertThat(transferred).isEqualTo(64);
                assertThat(report.get()).isEqualTo(Arrays.copyOf(deviceBytes, 64));
            } else {
                assertThat(libusbResult).isEqualTo(LibUsb.ERROR_TIMEOUT);
            }
        } catch (TransportException e) {
            Code expected = switch (libusbResult) {
                case LibUsb.SUCCESS, LibUsb.ERROR_OVERFLOW -> Code.BAD_REPORT;
                case LibUsb.ERROR_NO_DEVICE -> Code.DEVICE_GONE;
                default -> Code.IO;
            };
            assertThat(e.code()).isEqualTo(expected);
        }
    }
}
