package dev.hwbridge.daemon.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.daemon.transport.TransportException.Code;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Checks and test data that the HID and raw USB channel and bus tests share. */
public final class ChannelAssertions {

    private ChannelAssertions() {
    }

    /** Checks that {@code call} throws a {@link TransportException} with {@code code}. */
    public static void assertCode(ThrowingCallable call, Code code) {
        assertThatThrownBy(call).isInstanceOf(TransportException.class)
                .satisfies(e -> assertThat(((TransportException) e).code()).isEqualTo(code));
    }

    /** Checks that writing 63, 65 or null bytes is {@code BAD_REPORT}. */
    public static void assertWrongSizedWritesAreBadReport(DeviceChannel channel) {
        assertCode(() -> channel.write(new byte[63]), Code.BAD_REPORT);
        assertCode(() -> channel.write(new byte[65]), Code.BAD_REPORT);
        assertCode(() -> channel.write(null), Code.BAD_REPORT);
    }

    /** A 64-byte report: {@code hex} in front, zero padded. */
    public static byte[] report(String hex) {
        byte[] report = new byte[64];
        byte[] head = HexFormat.of().parseHex(hex);
        System.arraycopy(head, 0, report, 0, head.length);
        return report;
    }

    /** Starts a read of up to {@code timeout} on another thread. */
    public static CompletableFuture<Optional<byte[]>> readInBackground(DeviceChannel channel, Duration timeout) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return channel.read(timeout);
            } catch (TransportException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Checks that a read started by {@link #readInBackground} ends within 2 s with {@code DEVICE_GONE}. */
    public static void assertReadEndsDeviceGone(CompletableFuture<Optional<byte[]>> reading) {
        assertThatThrownBy(() -> reading.get(2, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(TransportException.class)
                .satisfies(e -> assertThat(((TransportException) e.getCause().getCause()).code()).isEqualTo(Code.DEVICE_GONE));
    }

    /** Checks that a second open of {@code path} is {@code ACCESS_DENIED} until the first channel is closed. */
    public static void assertOpenIsExclusiveUntilClosed(DeviceBus bus, String path) throws TransportException {
        DeviceChannel first = bus.open(path);
        assertCode(() -> bus.open(path), Code.ACCESS_DENIED);

        first.close();
        bus.open(path).close();
    }

    /** Checks that a closed bus has closed {@code channel} and refuses enumerating and watching. */
    public static void assertClosedBusRefusesUse(DeviceBus bus, DeviceChannel channel) {
        assertCode(() -> channel.read(Duration.ofMillis(10)), Code.DEVICE_GONE);
        assertCode(bus::enumerate, Code.IO);
        assertThatThrownBy(() -> bus.watch(new HotPlugRecorder())).isInstanceOf(IllegalStateException.class);
    }
}
