package dev.hwbridge.daemon.transport.hid;

import static dev.hwbridge.daemon.transport.ChannelAssertions.assertCode;
import static dev.hwbridge.daemon.transport.ChannelAssertions.assertReadEndsDeviceGone;
import static dev.hwbridge.daemon.transport.ChannelAssertions.assertWrongSizedWritesAreBadReport;
import static dev.hwbridge.daemon.transport.ChannelAssertions.readInBackground;
import static dev.hwbridge.daemon.transport.ChannelAssertions.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.TransportException.Code;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hid4java.HidDevice;
import org.junit.jupiter.api.Test;

class HidChannelTest {

    /** An INIT request on the broadcast channel: ffffffff 86 0008 + an 8-byte nonce, zero padded. */
    private static final byte[] INIT_REPORT = report("ffffffff860008a1a2a3a4a5a6a7a8");
    /** Its answer: the nonce, the new channel 00000001, then version bytes. */
    private static final byte[] INIT_ANSWER = report("ffffffff860011a1a2a3a4a5a6a7a80000000102010000");

    private static final DeviceDescriptor DESCRIPTOR =
            new DeviceDescriptor("hid:0011223344556677", "hid", 0x1209, 0x53C1, "Signer", "S1");

    private final HidDevice device = mock(HidDevice.class);
    private final AtomicBoolean attached = new AtomicBoolean(true);
    private final AtomicInteger closedNotices = new AtomicInteger();
    private final HidChannel channel = new HidChannel(device, DESCRIPTOR, attached::get, c -> closedNotices.incrementAndGet());

    @Test
    void writeHandsHid4javaTheSixtyFourBytesWithReportIdZero() throws TransportException {
        List<byte[]> written = new ArrayList<>();
        when(device.write(any(byte[].class), anyInt(), any(Byte.class))).thenAnswer(call -> {
            written.add(((byte[]) call.getArgument(0)).clone());
            return 65; // hidapi counts the report id byte it strips
        });

        channel.write(INIT_REPORT);

        verify(device).write(any(byte[].class), eq(64), eq((byte) 0));
        assertThat(written).singleElement().isEqualTo(INIT_REPORT);
    }

    @Test
    void readReturnsTheSixtyFourByteReport() throws TransportException {
        when(device.read(any(byte[].class), anyInt())).thenAnswer(call -> {
            byte[] buffer = call.getArgument(0);
            System.arraycopy(INIT_ANSWER, 0, buffer, 0, 64);
            return 64;
        });

        Optional<byte[]> report = channel.read(Duration.ofSeconds(1));

        assertThat(report).hasValueSatisfying(r -> assertThat(r).isEqualTo(INIT_ANSWER));
    }

    @Test
    void readTimeoutGivesEmptyAfterWaitingInSlices() throws TransportException {
        List<Integer> slices = new ArrayList<>();
        when(device.read(any(byte[].class), anyInt())).thenAnswer(call -> {
            int millis = call.getArgument(1);
            slices.add(millis);
            Thread.sleep(millis);
            return 0;
        });

        long start = System.nanoTime();
        Optional<byte[]> report = channel.read(Duration.ofMillis(250));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(report).isEmpty();
        assertThat(tookMillis).isBetween(240L, 3000L);
        assertThat(slices).isNotEmpty().allSatisfy(s -> assertThat(s).isBetween(0, 100));
    }

    @Test
    void zeroTimeoutPollsOnce() throws TransportException {
        when(device.read(any(byte[].class), anyInt())).thenReturn(0);

        assertThat(channel.read(Duration.ZERO)).isEmpty();

        verify(device, times(1)).read(any(byte[].class), eq(0));
    }

    @Test
    void readFailureOfAnUnpluggedDeviceIsDeviceGone() {
        when(device.read(any(byte[].class), anyInt())).thenReturn(-1);
        when(device.getLastErrorMessage()).thenReturn("hid_read_timeout: unexpected poll error (device disconnected)");
        attached.set(false);

        assertCode(() -> channel.read(Duration.ofMillis(50)), Code.DEVICE_GONE);
    }

    @Test
    void writeFailureOfAnUnpluggedDeviceIsDeviceGone() {
        when(device.write(any(byte[].class), anyInt(), any(Byte.class))).thenReturn(-1);
        attached.set(false);

        assertCode(() -> channel.write(INIT_REPORT), Code.DEVICE_GONE);
    }

    @Test
    void failureOfADeviceStillAttachedIsIo() {
        when(device.read(any(byte[].class), anyInt())).thenReturn(-1);
        when(device.getLastErrorMessage()).thenReturn("Input/output error");

        assertThatThrownBy(() -> channel.read(Duration.ofMillis(50)))
                .isInstanceOf(TransportException.class).hasMessageContaining("Input/output error")
                .satisfies(e -> assertThat(((TransportException) e).code()).isEqualTo(Code.IO));
    }

    @Test
    void shortWriteIsIo() {
        when(device.write(any(byte[].class), anyInt(), any(Byte.class))).thenReturn(10);

        assertCode(() -> channel.write(INIT_REPORT), Code.IO);
    }

    @Test
    void writingAReportOfTheWrongSizeIsBadReportAndSendsNothing() {
        assertWrongSizedWritesAreBadReport(channel);

        verify(device, never()).write(any(byte[].class), anyInt(), any(Byte.class));
    }

    @Test
    void aReportOfTheWrongSizeFromTheDeviceIsBadReport() {
        when(device.read(any(byte[].class), anyInt())).thenReturn(63).thenReturn(65);

        assertCode(() -> channel.read(Duration.ofMillis(50)), Code.BAD_REPORT);
        assertCode(() -> channel.read(Duration.ofMillis(50)), Code.BAD_REPORT);
    }

    @Test
    void aDeviceClosedUnderneathIsDeviceGone() {
        when(device.isClosed()).thenReturn(true);

        assertCode(() -> channel.read(Duration.ofMillis(50)), Code.DEVICE_GONE);
        assertCode(() -> channel.write(INIT_REPORT), Code.DEVICE_GONE);
        verify(device, never()).read(any(byte[].class), anyInt());
    }

    @Test
    void closeClosesTheDeviceOnceAndLaterCallsAreDeviceGone() {
        channel.close();
        channel.close();

        verify(device, times(1)).close();
        assertThat(closedNotices).hasValue(1);
        assertCode(() -> channel.read(Duration.ofMillis(10)), Code.DEVICE_GONE);
        assertCode(() -> channel.write(INIT_REPORT), Code.DEVICE_GONE);
    }

    @Test
    void closeWakesABlockedReader() throws Exception {
        when(device.read(any(byte[].class), anyInt())).thenAnswer(call -> {
            Thread.sleep((int) call.getArgument(1));
            return 0;
        });
        CompletableFuture<Optional<byte[]>> reading = readInBackground(channel, Duration.ofSeconds(30));
        Thread.sleep(150);

        channel.close();

        assertReadEndsDeviceGone(reading);
        verify(device).close();
    }

    @Test
    void aFailingCloseStillCountsAsClosed() {
        org.mockito.Mockito.doThrow(new IllegalStateException("native close failed")).when(device).close();

        channel.close();

        assertThat(closedNotices).hasValue(1);
        assertCode(() -> channel.read(Duration.ofMillis(10)), Code.DEVICE_GONE);
    }
}
