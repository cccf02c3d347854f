package dev.hwbridge.daemon.transport.usb;

import static dev.hwbridge.daemon.transport.ChannelAssertions.assertClosedBusRefusesUse;
import static dev.hwbridge.daemon.transport.ChannelAssertions.assertCode;
import static dev.hwbridge.daemon.transport.ChannelAssertions.assertOpenIsExclusiveUntilClosed;
import static dev.hwbridge.daemon.transport.usb.ScriptedUsbDevice.signer;
import static dev.hwbridge.daemon.transport.usb.UsbChannelTest.PING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyByte;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.DeviceFilter;
import dev.hwbridge.daemon.transport.DevicePaths;
import dev.hwbridge.daemon.transport.HotPlugRecorder;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.TransportException.Code;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.usb4java.DeviceHandle;
import org.usb4java.LibUsb;

class UsbBusTest {

    private static final int PID_CODES = 0x1209;
    private static final int SIGNER = DeviceFilter.HWBRIDGE_PRODUCT_ID;
    /** Another wallet under the pid.codes vendor id, shaped like ours (a vendor interface). */
    private static final int TREZOR = 0x53C1;
    private static final Duration FAST_POLL = Duration.ofMillis(20);

    private final LibUsbApi api = mock(LibUsbApi.class);
    private final List<UsbDeviceInfo> attached = new CopyOnWriteArrayList<>();
    private UsbBus bus;

    UsbBusTest() throws TransportException {
        when(api.listDevices(anyList())).thenAnswer(call -> {
            List<UsbDeviceInfo> out = call.getArgument(0);
            out.addAll(attached);
            return attached.size();
        });
        when(api.stringDescriptor(any(DeviceHandle.class), eq(2))).thenReturn("Signer");
        when(api.stringDescriptor(any(DeviceHandle.class), eq(3))).thenReturn("S1");
        bus = UsbBus.create(api, DeviceFilter.defaults(), FAST_POLL);
    }

    @AfterEach
    void closeBus() {
        bus.close();
    }

    @Test
    void enumerateKeepsMatchingDevicesWithAVendorInterfaceAndInterruptEndpoints() throws TransportException {
        attached.add(signer("1-1", PID_CODES, SIGNER));
        attached.add(signer("1-2", 0x2C97, 0x0001));
        attached.add(signer("1-7", PID_CODES, TREZOR));
        attached.add(new UsbDeviceInfo("1-3", PID_CODES, SIGNER, 0, 0, List.of(
                new UsbDeviceInfo.Interface(0, 0, 0x03, List.of(new UsbDeviceInfo.Endpoint(0x81, 0x03), new UsbDeviceInfo.Endpoint(0x01, 0x03))))));
        attached.add(new UsbDeviceInfo("1-4", PID_CODES, SIGNER, 0, 0, List.of(
                new UsbDeviceInfo.Interface(0, 0, 0xFF, List.of(new UsbDeviceInfo.Endpoint(0x82, 0x02), new UsbDeviceInfo.Endpoint(0x02, 0x02))))));
        attached.add(new UsbDeviceInfo("1-5", PID_CODES, SIGNER, 0, 0, List.of(
                new UsbDeviceInfo.Interface(0, 1, 0xFF, List.of(new UsbDeviceInfo.Endpoint(0x81, 0x03), new UsbDeviceInfo.Endpoint(0x01, 0x03))))));
        attached.add(new UsbDeviceInfo("1-6", PID_CODES, SIGNER, 0, 0, List.of()));
        when(api.open(anyString(), any(DeviceHandle.class))).thenReturn(LibUsb.SUCCESS);

        List<DeviceDescriptor> found = bus.enumerate();

        assertThat(found).containsExactly(new DeviceDescriptor(DevicePaths.of("usb", "1-1"), "usb", PID_CODES, SIGNER, "Signer", "S1"));
    }

    @Test
    void otherWalletsUnderPidCodesAndLedgersAreNeverOpenedClaimedOrWrittenTo() throws TransportException {
        attached.add(signer("1-7", PID_CODES, TREZOR));
        attached.add(signer("1-8", DeviceFilter.LEDGER_VENDOR_ID, 0x4011));
        when(api.open(anyString(), any(DeviceHandle.class))).thenReturn(LibUsb.SUCCESS);

        assertThat(bus.enumerate()).isEmpty();
        assertCode(() -> bus.open(DevicePaths.of("usb", "1-7")), Code.NOT_FOUND);
        assertCode(() -> bus.open(DevicePaths.of("usb", "1-8")), Code.NOT_FOUND);

        verify(api, never()).open(anyString(), any(DeviceHandle.class));
        verify(api, never()).detachKernelDriver(any(), anyInt());
        verify(api, never()).claimInterface(any(), anyInt());
        verify(api, never()).interruptTransfer(any(), anyByte(), any(), any(), anyLong());
    }

    @Test
    void theSignerIsFoundOnWhicheverInterfaceCarriesIt() throws TransportException {
        // A composite device: HID on interface 0, the vendor interface on 1 with endpoints 0x83/0x03.
        attached.add(new UsbDeviceInfo("2-1.4", PID_CODES, SIGNER, 0, 0, List.of(
                new UsbDeviceInfo.Interface(0, 0, 0x03, List.of(new UsbDeviceInfo.Endpoint(0x81, 0x03))),
                new UsbDeviceInfo.Interface(1, 0, 0xFF, List.of(new UsbDeviceInfo.Endpoint(0x03, 0x03), new UsbDeviceInfo.Endpoint(0x83, 0x03))))));
        when(api.open(anyString(), any(DeviceHandle.class))).thenReturn(LibUsb.SUCCESS);
        new ScriptedUsbDevice(api);

        try (DeviceChannel channel = bus.open(bus.enumerate().get(0).path())) {
            channel.write(PING);
            assertThat(channel.read(Duration.ofSeconds(1))).isPresent();
        }
        verify(api).claimInterface(any(DeviceHandle.class), eq(1));
        verify(api).interruptTransfer(any(), eq((byte) 0x03), any(), any(), anyLong());
        verify(api).interruptTransfer(any(), eq((byte) 0x83), any(), any(), anyLong());
    }

    @Test
    void aProductIdInTheFilterNarrowsTheList() throws TransportException {
        bus.close();
        bus = UsbBus.create(api, DeviceFilter.defaults().withProductId(0x1234), FAST_POLL);
        attached.add(signer("1-1", PID_CODES, 0x1234));
        attached.add(signer("1-2", PID_CODES, SIGNER));

        assertThat(bus.enumerate()).extracting(DeviceDescriptor::productId).containsExactly(0x1234);
    }

    @Test
    void stringsAreReadOnceWhileTheDeviceStaysAttached() throws TransportException {
        attached.add(signer("1-1", PID_CODES, SIGNER));
        when(api.open(anyString(), any(DeviceHandle.class))).thenReturn(LibUsb.SUCCESS);

        bus.enumerate();
        bus.enumerate();

        verify(api, times(1)).open(eq("1-1"), any(DeviceHandle.class));
        verify(api, times(1)).close(any(DeviceHandle.class));
    }

    @Test
    void aDeviceWhoseStringsCannotBeReadIsStillListed() throws TransportException {
        attached.add(signer("1-1", PID_CODES, SIGNER));
        when(api.open(anyString(), any(DeviceHandle.class))).thenReturn(LibUsb.ERROR_ACCESS);

        DeviceDescriptor found = bus.enumerate().get(0);

        assertThat(found.product()).isEqualTo("USB device 1209:0001");
        assertThat(found.serial()).isEmpty();
    }

    @Test
    void aListingFailureIsIo() {
        when(api.listDevices(anyList())).thenReturn(LibUsb.ERROR_NO_MEM);

        assertCode(bus::enumerate, Code.IO);
    }

    @Test
    void openClaimsTheVendorInterfaceAndRoundTripsReports() throws TransportException {
        attached.add(signer("1-1", PID_CODES, SIGNER));
        when(api.open(anyString(), any(DeviceHandle.class))).thenReturn(LibUsb.SUCCESS);
        ScriptedUsbDevice device = new ScriptedUsbDevice(api);
        String path = bus.enumerate().get(0).path();

        try (DeviceChannel channel = bus.open(path)) {
            channel.write(PING);

            assertThat(channel.read(Duration.ofSeconds(1))).hasValueSatisfying(r -> assertThat(r).isEqualTo(PING));
            assertThat(channel.descriptor().product()).isEqualTo("Signer");
        }
        assertThat(device.received).singleElement().isEqualTo(PING);
        verify(api).claimInterface(any(DeviceHandle.class), eq(0));
        verify(api).releaseInterface(any(DeviceHandle.class), eq(0));
        verify(api, never()).detachKernelDriver(any(), anyInt());
    }

    @Test
    void anActiveKernelDriverIsDetachedOnOpenAndGivenBackOnClose() throws TransportException {
        attached.add(signer("1-1", PID_CODES, SIGNER));
        when(api.open(anyString(), any(DeviceHandle.class))).thenReturn(LibUsb.SUCCESS);
        when(api.kernelDriverActive(any(DeviceHandle.class), eq(0))).thenReturn(1);
        String path = bus.enumerate().get(0).path();

        bus.open(path).close();

        InOrder order = inOrder(api);
        order.verify(api).detachKernelDriver(any(DeviceHandle.class), eq(0));
        order.verify(api).claimInterface(any(DeviceHandle.class), eq(0));
        order.verify(api).releaseInterface(any(DeviceHandle.class), eq(0));
        order.verify(api).attachKernelDriver(any(DeviceHandle.class), eq(0));
    }

    @Test
    void anInterfaceClaimedElsewhereIsAccessDeniedAndTheHandleIsClosed() throws TransportException {
        attached.add(signer("1-1", PID_CODES, SIGNER));
        when(api.open(anyString(), any(DeviceHandle.class))).thenReturn(LibUsb.SUCCESS);
        when(api.claimInterface(any(DeviceHandle.class), anyInt())).thenReturn(LibUsb.ERROR_BUSY);
        String path = bus.enumerate().get(0).path();

        assertThatThrownBy(() -> bus.open(path)).isInstanceOf(TransportException.class)
                .hasMessageContaining("LIBUSB_ERROR_BUSY")
                .satisfies(e -> assertThat(((TransportException) e).code()).isEqualTo(Code.ACCESS_DENIED));
        // once for the strings, once for the failed open
        verify(api, times(2)).close(any(DeviceHandle.class));
    }

    @Test
    void aDeviceWithoutPermissionIsAccessDenied() throws TransportException {
        attached.add(signer("1-1", PID_CODES, SIGNER));
        when(api.open(anyString(), any(DeviceHandle.class))).thenReturn(LibUsb.ERROR_ACCESS);
        String path = bus.enumerate().get(0).path();

        assertCode(() -> bus.open(path), Code.ACCESS_DENIED);
    }

    @Test
    void aDeviceGoneBeforeOpenIsNotFound() throws TransportException {
        attached.add(signer("1-1", PID_CODES, SIGNER));
        when(api.open(anyString(), any(DeviceHandle.class))).thenReturn(LibUsb.ERROR_NO_DEVICE);
        String path = bus.enumerate().get(0).path();

        assertCode(() -> bus.open(path), Code.NOT_FOUND);
        assertCode(() -> bus.open("usb:0000000000000000"), Code.NOT_FOUND);
    }

    @Test
    void openingADeviceTwiceIsAccessDeniedUntilClosed() throws TransportException {
        attached.add(signer("1-1", PID_CODES, SIGNER));
        when(api.open(anyString(), any(DeviceHandle.class))).thenReturn(LibUsb.SUCCESS);
        String path = bus.enumerate().get(0).path();

        assertOpenIsExclusiveUntilClosed(bus, path);
    }

    @Test
    void hotPlugCallbacksLeadToFilteredAttachAndDetachEvents() throws Exception {
        when(api.hasHotplug()).thenReturn(true);
        when(api.registerHotplug(anyInt(), any(Runnable.class))).thenReturn(LibUsb.SUCCESS);
        when(api.handleEventsTimeout(anyLong())).thenAnswer(call -> {
            Thread.sleep(5);
            return LibUsb.SUCCESS;
        });
        HotPlugRecorder recorder = new HotPlugRecorder();
        bus.watch(recorder);
        ArgumentCaptor<Runnable> callback = ArgumentCaptor.forClass(Runnable.class);
        verify(api).registerHotplug(eq(PID_CODES), callback.capture());

        attached.add(signer("3-1", 0x2C97, 0x0001));
        callback.getValue().run();
        attached.add(signer("1-1", PID_CODES, SIGNER));
        callback.getValue().run();

        assertThat(recorder.assertAttached().path()).isEqualTo(DevicePaths.of("usb", "1-1"));
        assertThat(recorder.lastThread().getName()).isEqualTo("hwbridge-usb-events");

        attached.removeIf(d -> d.location().equals("1-1"));
        callback.getValue().run();

        assertThat(recorder.assertDetached().path()).isEqualTo(DevicePaths.of("usb", "1-1"));
        recorder.assertQuietFor(Duration.ofMillis(100));
    }

    @Test
    void aFailingEventWaitIsPacedAndHotPlugStillWorks() throws Exception {
        when(api.hasHotplug()).thenReturn(true);
        when(api.registerHotplug(anyInt(), any(Runnable.class))).thenReturn(LibUsb.SUCCESS);
        java.util.concurrent.atomic.AtomicInteger waits = new java.util.concurrent.atomic.AtomicInteger();
        when(api.handleEventsTimeout(anyLong())).thenAnswer(call -> {
            waits.incrementAndGet();
            return LibUsb.ERROR_IO;
        });
        HotPlugRecorder recorder = new HotPlugRecorder();
        long start = System.nanoTime();
        bus.watch(recorder);
        ArgumentCaptor<Runnable> callback = ArgumentCaptor.forClass(Runnable.class);
        verify(api).registerHotplug(eq(PID_CODES), callback.capture());

        attached.add(signer("1-1", PID_CODES, SIGNER));
        callback.getValue().run();

        recorder.assertAttached();
        Thread.sleep(600);
        long elapsedMillis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        // One failed wait every 250 ms at most, not a spinning loop.
        assertThat(waits.get()).isBetween(1, (int) (elapsedMillis / 250) + 2);
    }

    @Test
    void withoutHotPlugSupportTheBusPolls() throws Exception {
        when(api.hasHotplug()).thenReturn(false);
        HotPlugRecorder recorder = new HotPlugRecorder();
        bus.watch(recorder);

        attached.add(signer("1-1", PID_CODES, SIGNER));
        assertThat(recorder.assertAttached().product()).isEqualTo("Signer");
        attached.clear();
        recorder.assertDetached();

        verify(api, never()).registerHotplug(anyInt(), any());
    }

    @Test
    void aFailedHotPlugRegistrationFallsBackToPolling() throws Exception {
        when(api.hasHotplug()).thenReturn(true);
        when(api.registerHotplug(anyInt(), any(Runnable.class))).thenReturn(LibUsb.ERROR_NOT_SUPPORTED);
        HotPlugRecorder recorder = new HotPlugRecorder();
        bus.watch(recorder);

        attached.add(signer("1-1", PID_CODES, SIGNER));

        recorder.assertAttached();
        verify(api, never()).handleEventsTimeout(anyLong());
    }

    @Test
    void aNewListenerIsFirstToldTheDevicesAlreadyPresent() throws Exception {
        attached.add(signer("1-1", PID_CODES, SIGNER));
        HotPlugRecorder first = new HotPlugRecorder();
        bus.watch(first);
        first.assertAttached();

        HotPlugRecorder second = new HotPlugRecorder();
        bus.watch(second);

        assertThat(second.assertAttached().path()).isEqualTo(DevicePaths.of("usb", "1-1"));
        first.assertQuietFor(Duration.ofMillis(100));
    }

    @Test
    void closeClosesChannelsAndStopsEventsBeforeFreeingLibusb() throws Exception {
        when(api.hasHotplug()).thenReturn(true);
        when(api.registerHotplug(anyInt(), any(Runnable.class))).thenReturn(LibUsb.SUCCESS);
        when(api.handleEventsTimeout(anyLong())).thenAnswer(call -> {
            Thread.sleep(5);
            return LibUsb.SUCCESS;
        });
        attached.add(signer("1-1", PID_CODES, SIGNER));
        when(api.open(anyString(), any(DeviceHandle.class))).thenReturn(LibUsb.SUCCESS);
        bus.watch(new HotPlugRecorder());
        DeviceChannel channel = bus.open(bus.enumerate().get(0).path());

        bus.close();
        bus.close();

        InOrder order = inOrder(api);
        order.verify(api).releaseInterface(any(DeviceHandle.class), eq(0));
        order.verify(api).deregisterHotplug();
        order.verify(api).exit();
        verify(api, times(1)).exit();
        assertClosedBusRefusesUse(bus, channel);
    }

    @Test
    void aNativeLibraryThatCannotLoadIsAClearTransportException() {
        LibUsbApi broken = mock(LibUsbApi.class);
        // What usb4java's loader throws when it cannot unpack its library (seen with an unusable java.io.tmpdir).
        when(broken.init()).thenThrow(new ExceptionInInitializerError(
                new IllegalStateException("Unable to create temporary directory for usb4java natives")));

        assertThatThrownBy(() -> UsbBus.create(broken, DeviceFilter.defaults(), FAST_POLL))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("raw USB is unavailable").hasMessageContaining("Unable to create temporary directory")
                .satisfies(e -> assertThat(((TransportException) e).code()).isEqualTo(Code.IO));
    }

    @Test
    void aFailingLibusbInitIsAClearTransportException() {
        LibUsbApi broken = mock(LibUsbApi.class);
        when(broken.init()).thenReturn(LibUsb.ERROR_OTHER);

        assertThatThrownBy(() -> UsbBus.create(broken, DeviceFilter.defaults(), FAST_POLL))
                .isInstanceOf(TransportException.class).hasMessageContaining("LIBUSB_ERROR_OTHER");
    }
}
