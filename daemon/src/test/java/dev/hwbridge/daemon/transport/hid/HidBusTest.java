package dev.hwbridge.daemon.transport.hid;

import static dev.hwbridge.daemon.transport.ChannelAssertions.assertClosedBusRefusesUse;
import static dev.hwbridge.daemon.transport.ChannelAssertions.assertCode;
import static dev.hwbridge.daemon.transport.ChannelAssertions.assertOpenIsExclusiveUntilClosed;
import static dev.hwbridge.daemon.transport.ChannelAssertions.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyByte;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hid4java.HidDevice;
import org.hid4java.HidException;
import org.hid4java.HidServices;
import org.hid4java.HidServicesListener;
import org.hid4java.event.HidServicesEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class HidBusTest {

    private static final int PID_CODES = 0x1209;
    private static final int SIGNER = DeviceFilter.HWBRIDGE_PRODUCT_ID;
    /** Another wallet under the pid.codes vendor id. */
    private static final int TREZOR = 0x53C1;

    private final HidServices services = mock(HidServices.class);
    private final List<HidDevice> attached = new CopyOnWriteArrayList<>();
    private HidBus bus = new HidBus(services, DeviceFilter.defaults());

    HidBusTest() {
        when(services.getAttachedHidDevices()).thenAnswer(call -> new ArrayList<>(attached));
    }

    @AfterEach
    void closeBus() {
        bus.close();
    }

    @Test
    void enumerateKeepsOnlyTheHwbridgePairOnItsUsagePage() throws TransportException {
        attached.add(device("/dev/hidraw0", PID_CODES, SIGNER, 0xFF00, "Signer", "S1"));
        attached.add(device("/dev/hidraw1", PID_CODES, SIGNER, 0x0001, "Signer keyboard", "S1"));
        attached.add(device("/dev/hidraw2", 0x046D, 0xC52B, 0xFF00, "Receiver", ""));
        attached.add(device("/dev/hidraw3", PID_CODES, TREZOR, 0xFF00, "Trezor", "T1"));

        List<DeviceDescriptor> found = bus.enumerate();

        assertThat(found).extracting(DeviceDescriptor::product).containsExactly("Signer");
        assertThat(found.get(0)).isEqualTo(new DeviceDescriptor(DevicePaths.of("hid", "/dev/hidraw0"), "hid", PID_CODES, SIGNER, "Signer", "S1"));
    }

    @Test
    void aGrantedProductIdReplacesTheTestOne() throws TransportException {
        bus = new HidBus(services, DeviceFilter.defaults().withProductId(0x1234));
        attached.add(device("/dev/hidraw0", PID_CODES, 0x1234, 0xFF00, "Signer", "S1"));
        attached.add(device("/dev/hidraw3", PID_CODES, SIGNER, 0xFF00, "Old test id", "S3"));

        assertThat(bus.enumerate()).extracting(DeviceDescriptor::product).containsExactly("Signer");
    }

    @Test
    void otherWalletsUnderPidCodesAndLedgersAreNeverOpenedOrWrittenTo() throws TransportException {
        HidDevice trezor = device("/dev/hidraw3", PID_CODES, TREZOR, 0xFF00, "Trezor", "T1");
        HidDevice trezorFido = device("/dev/hidraw4", PID_CODES, TREZOR, 0xF1D0, "Trezor FIDO", "T1");
        HidDevice ledger = device("/dev/hidraw5", DeviceFilter.LEDGER_VENDOR_ID, 0x4011, DeviceFilter.LEDGER_USAGE_PAGE,
                "Nano X", "L1");
        attached.addAll(List.of(trezor, trezorFido, ledger));

        assertThat(bus.enumerate()).isEmpty();
        for (HidDevice other : List.of(trezor, trezorFido, ledger)) {
            assertCode(() -> bus.open(DevicePaths.of("hid", other.getPath())), Code.NOT_FOUND);
            verify(other, never()).open();
            verify(other, never()).write(any(), anyInt(), anyByte());
            verify(other, never()).write(any(), anyInt(), anyByte(), anyBoolean());
            verify(other, never()).read(any(byte[].class), anyInt());
        }
    }

    @Test
    void aConfiguredUsagePageIsHonoured() throws TransportException {
        bus = new HidBus(services, DeviceFilter.defaults().withUsagePage(0xF1D0));
        attached.add(device("/dev/hidraw0", PID_CODES, SIGNER, 0xFF00, "Vendor page", ""));
        attached.add(device("/dev/hidraw1", PID_CODES, SIGNER, 0xF1D0, "FIDO page", ""));

        assertThat(bus.enumerate()).extracting(DeviceDescriptor::product).containsExactly("FIDO page");
    }

    @Test
    void pathsNeverShowTheOsPath() throws TransportException {
        attached.add(device("/dev/hidraw0", PID_CODES, SIGNER, 0xFF00, null, null));

        DeviceDescriptor found = bus.enumerate().get(0);

        assertThat(found.path()).startsWith("hid:").doesNotContain("hidraw");
        assertThat(found.product()).isEqualTo("HID device 1209:0001");
        assertThat(found.serial()).isEmpty();
    }

    @Test
    void anEmptyBusEnumeratesToAnEmptyList() throws TransportException {
        assertThat(bus.enumerate()).isEmpty();
    }

    @Test
    void enumerationFailureIsIo() {
        when(services.getAttachedHidDevices()).thenThrow(new HidException("Unable to start HidApi: boom"));

        assertCode(bus::enumerate, Code.IO);
    }

    @Test
    void openWriteReadRoundTripThroughTheBus() throws TransportException {
        HidDevice signer = device("/dev/hidraw0", PID_CODES, SIGNER, 0xFF00, "Signer", "S1");
        attached.add(signer);
        byte[] ping = report("00000001810003010203");
        List<byte[]> sent = new ArrayList<>();
        when(signer.open()).thenReturn(true);
        when(signer.write(any(byte[].class), anyInt(), any(Byte.class))).thenAnswer(call -> {
            sent.add(((byte[]) call.getArgument(0)).clone());
            return 65;
        });
        when(signer.read(any(byte[].class), anyInt())).thenAnswer(call -> {
            // The device echoes the last report it got, as a PING answer does.
            byte[] buffer = call.getArgument(0);
            System.arraycopy(sent.get(sent.size() - 1), 0, buffer, 0, 64);
            return 64;
        });
        String path = bus.enumerate().get(0).path();

        try (DeviceChannel channel = bus.open(path)) {
            channel.write(ping);

            assertThat(channel.descriptor().path()).isEqualTo(path);
            assertThat(channel.read(Duration.ofSeconds(1))).hasValueSatisfying(r -> assertThat(r).isEqualTo(ping));
        }
        verify(signer).close();
    }

    @Test
    void openFindsADeviceAttachedSinceTheLastEnumeration() throws TransportException {
        HidDevice signer = device("/dev/hidraw0", PID_CODES, SIGNER, 0xFF00, "Signer", "S1");
        when(signer.open()).thenReturn(true);
        attached.add(signer);

        try (DeviceChannel channel = bus.open(DevicePaths.of("hid", "/dev/hidraw0"))) {
            assertThat(channel.descriptor().product()).isEqualTo("Signer");
        }
    }

    @Test
    void openingAnUnknownPathIsNotFound() {
        assertCode(() -> bus.open("hid:0000000000000000"), Code.NOT_FOUND);
    }

    @Test
    void openingADeviceTwiceIsAccessDenied() throws TransportException {
        HidDevice signer = device("/dev/hidraw0", PID_CODES, SIGNER, 0xFF00, "Signer", "S1");
        when(signer.open()).thenReturn(true);
        attached.add(signer);
        String path = bus.enumerate().get(0).path();

        assertOpenIsExclusiveUntilClosed(bus, path);
    }

    @Test
    void aDeviceThatWillNotOpenIsAccessDeniedWhilePresentAndNotFoundOnceGone() throws TransportException {
        HidDevice signer = device("/dev/hidraw0", PID_CODES, SIGNER, 0xFF00, "Signer", "S1");
        when(signer.open()).thenReturn(false);
        attached.add(signer);
        String path = bus.enumerate().get(0).path();

        assertCode(() -> bus.open(path), Code.ACCESS_DENIED);
        attached.clear();
        assertCode(() -> bus.open(path), Code.NOT_FOUND);
    }

    @Test
    void hotPlugEventsReachTheListenerFiltered() throws Exception {
        HotPlugRecorder recorder = new HotPlugRecorder();
        bus.watch(recorder);
        HidServicesListener hid4java = registeredListener();
        verify(services).start();

        HidDevice keyboard = device("/dev/hidraw1", 0x046D, 0xC31C, 0x0001, "Keyboard", "");
        attached.add(keyboard);
        hid4java.hidDeviceAttached(new HidServicesEvent(keyboard));
        HidDevice signer = device("/dev/hidraw0", PID_CODES, SIGNER, 0xFF00, "Signer", "S1");
        attached.add(signer);
        hid4java.hidDeviceAttached(new HidServicesEvent(signer));

        assertThat(recorder.assertAttached().product()).isEqualTo("Signer");
        assertThat(recorder.lastThread().getName()).isEqualTo("hwbridge-hid-events");

        attached.remove(keyboard);
        hid4java.hidDeviceDetached(new HidServicesEvent(keyboard));
        attached.remove(signer);
        hid4java.hidDeviceDetached(new HidServicesEvent(signer));

        assertThat(recorder.assertDetached().product()).isEqualTo("Signer");
        recorder.assertQuietFor(Duration.ofMillis(200));
    }

    @Test
    void devicesPresentWhenWatchingStartsAreReportedEvenIfHid4javaStaysSilent() throws Exception {
        attached.add(device("/dev/hidraw0", PID_CODES, SIGNER, 0xFF00, "Signer", "S1"));
        attached.add(device("/dev/hidraw1", 0x046D, 0xC31C, 0x0001, "Keyboard", ""));
        org.mockito.Mockito.doThrow(new HidException("Unable to start HidApi")).when(services).start();
        HotPlugRecorder recorder = new HotPlugRecorder();

        bus.watch(recorder);

        assertThat(recorder.assertAttached().product()).isEqualTo("Signer");
        recorder.assertQuietFor(Duration.ofMillis(100));
    }

    @Test
    void eventsArrivingOutOfOrderStillEndInTheTrueState() throws Exception {
        HotPlugRecorder recorder = new HotPlugRecorder();
        bus.watch(recorder);
        HidServicesListener hid4java = registeredListener();
        HidDevice signer = device("/dev/hidraw0", PID_CODES, SIGNER, 0xFF00, "Signer", "S1");

        // Plugged in and pulled out again; hid4java's workers deliver the detach first.
        hid4java.hidDeviceDetached(new HidServicesEvent(signer));
        hid4java.hidDeviceAttached(new HidServicesEvent(signer));

        recorder.assertQuietFor(Duration.ofMillis(300));
    }

    @Test
    void aNewListenerIsFirstToldTheDevicesAlreadyPresent() throws Exception {
        HotPlugRecorder first = new HotPlugRecorder();
        bus.watch(first);
        HidDevice signer = device("/dev/hidraw0", PID_CODES, SIGNER, 0xFF00, "Signer", "S1");
        attached.add(signer);
        registeredListener().hidDeviceAttached(new HidServicesEvent(signer));
        first.assertAttached();

        HotPlugRecorder second = new HotPlugRecorder();
        bus.watch(second);

        assertThat(second.assertAttached().product()).isEqualTo("Signer");
        first.assertQuietFor(Duration.ofMillis(100));
    }

    @Test
    void aThrowingListenerDoesNotStopLaterEvents() throws Exception {
        HotPlugRecorder recorder = new HotPlugRecorder();
        bus.watch(recorder.throwingAfterEachAttach());
        HidDevice signer = device("/dev/hidraw0", PID_CODES, SIGNER, 0xFF00, "Signer", "S1");
        attached.add(signer);
        registeredListener().hidDeviceAttached(new HidServicesEvent(signer));
        recorder.assertAttached();

        attached.clear();
        registeredListener().hidDeviceDetached(new HidServicesEvent(signer));

        recorder.assertDetached();
    }

    @Test
    void closeClosesOpenChannelsStopsScanningAndRefusesFurtherUse() throws TransportException {
        HidDevice signer = device("/dev/hidraw0", PID_CODES, SIGNER, 0xFF00, "Signer", "S1");
        when(signer.open()).thenReturn(true);
        attached.add(signer);
        bus.watch(new HotPlugRecorder());
        DeviceChannel channel = bus.open(bus.enumerate().get(0).path());

        bus.close();
        bus.close();

        verify(signer).close();
        verify(services).removeHidServicesListener(any(HidServicesListener.class));
        verify(services).stop();
        assertClosedBusRefusesUse(bus, channel);
    }

    @Test
    void aNativeLibraryThatCannotLoadIsAClearTransportException() {
        assertThatThrownBy(() -> HidBus.create(DeviceFilter.defaults(), () -> {
            throw new HidException("Hidapi did not initialise: Unable to load library 'hidapi'");
        })).isInstanceOf(TransportException.class)
                .hasMessageContaining("USB HID is unavailable").hasMessageContaining("Unable to load library 'hidapi'")
                .satisfies(e -> assertThat(((TransportException) e).code()).isEqualTo(Code.IO));
        assertThatThrownBy(() -> HidBus.create(DeviceFilter.defaults(), () -> {
            throw new UnsatisfiedLinkError("libudev.so.1: cannot open shared object file");
        })).isInstanceOf(TransportException.class).hasMessageContaining("libudev.so.1");
    }

    @Test
    void specificationLeavesStartingAndShutdownToTheBus() {
        var spec = HidBus.specification();

        assertThat(spec.isAutoStart()).isFalse();
        assertThat(spec.isAutoShutdown()).isFalse();
        assertThat(spec.isAutoDataRead()).isFalse();
        assertThat(spec.getScanInterval()).isEqualTo(HidBus.SCAN_INTERVAL_MS);
    }

    private HidServicesListener registeredListener() {
        ArgumentCaptor<HidServicesListener> captor = ArgumentCaptor.forClass(HidServicesListener.class);
        verify(services).addHidServicesListener(captor.capture());
        return captor.getValue();
    }

    /** A hid4java device as 0.8.0 builds it: the usage page widened from a signed short. */
    static HidDevice device(String osPath, int vendorId, int productId, int usagePage, String product, String serial) {
        HidDevice device = mock(HidDevice.class);
        when(device.getPath()).thenReturn(osPath);
        when(device.getVendorId()).thenReturn(vendorId);
        when(device.getProductId()).thenReturn(productId);
        when(device.getUsagePage()).thenReturn((int) (short) usagePage);
        when(device.getProduct()).thenReturn(product);
        when(device.getSerialNumber()).thenReturn(serial);
        return device;
    }
}
