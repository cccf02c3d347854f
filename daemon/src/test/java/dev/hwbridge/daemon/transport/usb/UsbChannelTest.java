package dev.hwbridge.daemon.transport.usb;

import static dev.hwbridge.daemon.transport.ChannelAssertions.assertCode;
import static dev.hwbridge.daemon.transport.ChannelAssertions.assertReadEndsDeviceGone;
import static dev.hwbridge.daemon.transport.ChannelAssertions.assertWrongSizedWritesAreBadReport;
import static dev.hwbridge.daemon.transport.ChannelAssertions.readInBackground;
import static dev.hwbridge.daemon.transport.ChannelAssertions.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyByte;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.TransportException.Code;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.usb4java.DeviceHandle;
import org.usb4java.LibUsb;

class UsbChannelTest {

    /** A PING on channel 00000001 carrying 010203, zero padded to 64 bytes. */
    static final byte[] PING = report("00000001810003010203");

    private static final DeviceDescriptor DESCRIPTOR =
            new DeviceDescriptor("usb:0011223344556677", "usb", 0x1209, 0x53C1, "Signer", "S1");
    private static final UsbDeviceInfo.VendorInterface INTERFACE = new UsbDeviceInfo.VendorInterface(0, (byte) 0x81, (byte) 0x01);

    private final LibUsbApi api = mock(LibUsbApi.class);
    private final DeviceHandle handle = new DeviceHandle();
    private final AtomicInteger closedNotices = new AtomicInteger();

    private UsbChannel channel(boolean reattach) {
        return new UsbChannel(api, handle, DESCRIPTOR, INTERFACE, reattach, Duration.ofMillis(300), c -> closedNotices.incrementAndGet());
    }

    @Test
    void aReportGoesOutOnTheOutEndpointAndTheAnswerComesBackOnTheInEndpoint() throws TransportException {
        ScriptedUsbDevice device = new ScriptedUsbDevice(api);
        UsbChannel channel = channel(false);

        channel.write(PING);
        Optional<byte[]> answer = channel.read(Duration.ofSeconds(1));

        assertThat(device.received).singleElement().isEqualTo(PING);
        assertThat(answer).hasValueSatisfying(r -> assertThat(r).isEqualTo(PING));
        verify(api).interruptTransfer(any(DeviceHandle.class), org.mockito.ArgumentMatchers.eq((byte) 0x01), any(ByteBuffer.class),
                any(IntBuffer.class), anyLong());
        verify(api).interruptTransfer(any(DeviceHandle.class), org.mockito.ArgumentMatchers.eq((byte) 0x81), any(ByteBuffer.class),
                any(IntBuffer.class), anyLong());
    }

    @Test
    void readTimeoutGivesEmptyWaitingInShortSlices() throws TransportException {
        ScriptedUsbDevice device = new ScriptedUsbDevice(api);

        long start = System.nanoTime();
        Optional<byte[]> answer = channel(false).read(Duration.ofMillis(250));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(answer).isEmpty();
        assertThat(tookMillis).isBetween(240L, 3000L);
        assertThat(device.timeouts).isNotEmpty().allSatisfy(t -> assertThat(t).isBetween(1L, 100L));
    }

    @Test
    void aZeroTimeoutNeverAsksLibusbToWaitForever() throws TransportException {
        ScriptedUsbDevice device = new ScriptedUsbDevice(api);

        assertThat(channel(false).read(Duration.ZERO)).isEmpty();

        // libusb reads a timeout of 0 as "no timeout".
        assertThat(device.timeouts).singleElement().isEqualTo(1L);
    }

    @Test
    void anUnpluggedDeviceIsDeviceGone() {
        when(api.interruptTransfer(any(DeviceHandle.class), anyByte(), any(ByteBuffer.class), any(IntBuffer.class), anyLong()))
                .thenReturn(LibUsb.ERROR_NO_DEVICE);
        UsbChannel channel = channel(false);

        assertCode(() -> channel.read(Duration.ofMillis(50)), Code.DEVICE_GONE);
        assertCode(() -> channel.write(PING), Code.DEVICE_GONE);
    }

    @Test
    void otherTransferErrorsAreIo() {
        when(api.interruptTransfer(any(DeviceHandle.class), anyByte(), any(ByteBuffer.class), any(IntBuffer.class), anyLong()))
                .thenReturn(LibUsb.ERROR_PIPE);

        assertThatThrownBy(() -> channel(false).read(Duration.ofMillis(50)))
                .isInstanceOf(TransportException.class).hasMessageContaining("LIBUSB_ERROR_PIPE")
                .satisfies(e -> assertThat(((TransportException) e).code()).isEqualTo(Code.IO));
    }

    @Test
    void writingAReportOfTheWrongSizeIsBadReportAndSendsNothing() {
        UsbChannel channel = channel(false);

        assertWrongSizedWritesAreBadReport(channel);

        verify(api, never()).interruptTransfer(any(), anyByte(), any(), any(), anyLong());
    }

    @Test
    void aShortOrOverlongReportFromTheDeviceIsBadReport() {
        ScriptedUsbDevice device = new ScriptedUsbDevice(api);
        device.toHost.add(new byte[32]);
        device.toHost.add(new byte[80]);
        UsbChannel channel = channel(false);

        assertCode(() -> channel.read(Duration.ofMillis(100)), Code.BAD_REPORT);
        assertCode(() -> channel.read(Duration.ofMillis(100)), Code.BAD_REPORT);
    }

    @Test
    void aWriteTheDeviceDoesNotTakeInTimeIsRetriedThenIo() {
        when(api.interruptTransfer(any(DeviceHandle.class), anyByte(), any(ByteBuffer.class), any(IntBuffer.class), anyLong()))
                .thenReturn(LibUsb.ERROR_TIMEOUT);

        assertThatThrownBy(() -> channel(false).write(PING))
                .isInstanceOf(TransportException.class).hasMessageContaining("300 ms")
                .satisfies(e -> assertThat(((TransportException) e).code()).isEqualTo(Code.IO));
        verify(api, org.mockito.Mockito.atLeast(3)).interruptTransfer(any(), anyByte(), any(), any(), anyLong());
    }

    @Test
    void aWriteTakenAfterABusyMomentSucceeds() throws TransportException {
        ScriptedUsbDevice device = new ScriptedUsbDevice(api);
        when(api.interruptTransfer(any(DeviceHandle.class), anyByte(), any(ByteBuffer.class), any(IntBuffer.class), anyLong()))
                .thenReturn(LibUsb.ERROR_TIMEOUT)
                .thenAnswer(call -> {
                    ByteBuffer data = call.getArgument(2);
                    byte[] report = new byte[64];
                    data.get(0, report);
                    device.received.add(report);
                    ((IntBuffer) call.getArgument(3)).put(0, 64);
                    return LibUsb.SUCCESS;
                });

        channel(false).write(PING);

        assertThat(device.received).singleElement().isEqualTo(PING);
    }

    @Test
    void closeReleasesTheInterfaceThenClosesTheHandleOnce() {
        UsbChannel channel = channel(false);

        channel.close();
        channel.close();

        InOrder order = inOrder(api);
        order.verify(api).releaseInterface(handle, 0);
        order.verify(api).close(handle);
        verify(api, times(1)).close(handle);
        verify(api, never()).attachKernelDriver(any(), anyInt());
        assertThat(closedNotices).hasValue(1);
        assertCode(() -> channel.read(Duration.ofMillis(10)), Code.DEVICE_GONE);
        assertCode(() -> channel.write(PING), Code.DEVICE_GONE);
    }

    @Test
    void closeGivesADetachedKernelDriverBack() {
        channel(true).close();

        InOrder order = inOrder(api);
        order.verify(api).releaseInterface(handle, 0);
        order.verify(api).attachKernelDriver(handle, 0);
        order.verify(api).close(handle);
    }

    @Test
    void theHandleIsClosedEvenWhenReleasingThrows() {
        doThrow(new IllegalStateException("handle not initialized")).when(api).releaseInterface(handle, 0);
        UsbChannel channel = channel(false);

        channel.close();

        verify(api).close(handle);
        assertThat(closedNotices).hasValue(1);
    }

    @Test
    void closeWakesABlockedReaderWithDeviceGone() throws Exception {
        new ScriptedUsbDevice(api);
        UsbChannel channel = channel(false);
        CompletableFuture<Optional<byte[]>> reading = readInBackground(channel, Duration.ofSeconds(30));
        Thread.sleep(150);

        channel.close();

        assertReadEndsDeviceGone(reading);
        verify(api).close(handle);
    }
}
