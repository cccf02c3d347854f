package dev.hwbridge.daemon.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.daemon.transport.BusListener;
import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.FrameCommand;
import dev.hwbridge.protocol.framing.FramingException;
import dev.hwbridge.protocol.framing.InitReply;
import dev.hwbridge.protocol.framing.InitRequest;
import dev.hwbridge.protocol.framing.Reassembler;
import dev.hwbridge.protocol.framing.ReportWriter;
import dev.hwbridge.testkit.device.ScriptedDevice;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UdpBusTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ProbeSettings FAST = new ProbeSettings(Duration.ofMillis(40), Duration.ofMillis(250), 3);

    private ScriptedDevice device;
    private UdpBus bus;

    @AfterEach
    void tearDown() {
        if (bus != null) {
            bus.close();
        }
        if (device != null) {
            device.close();
        }
    }

    @Test
    void runningDeviceIsEnumeratedAndReportedAttached() throws Exception {
        device = ScriptedDevice.udp();
        bus = new UdpBus(List.of(device.address()), FAST);
        RecordingListener listener = new RecordingListener();

        List<DeviceDescriptor> devices = bus.enumerate();
        bus.watch(listener);

        String path = "udp:127.0.0.1:" + device.port();
        assertThat(devices).singleElement().satisfies(d -> {
            assertThat(d.path()).isEqualTo(path);
            assertThat(d.transport()).isEqualTo("udp");
            assertThat(d.product()).isEqualTo("hwbridge simulator 0.1.0 (protocol 1)");
        });
        assertThat(bus.name()).isEqualTo("udp");
        listener.assertNext("attached " + path, WAIT);
    }

    @Test
    void initAndPingTravelThroughAnOpenChannel() throws Exception {
        device = ScriptedDevice.udp();
        bus = new UdpBus(List.of(device.address()), FAST);
        try (DeviceChannel channel = bus.open(bus.enumerate().get(0).path())) {
            InitRequest init = InitRequest.random(new SecureRandom());
            InitReply reply = InitReply.from(exchange(channel, init.toFrame()));
            assertThat(reply.answers(init)).isTrue();

            byte[] payload = new byte[100];
            new Random(1).nextBytes(payload);
            Frame ping = Frame.ping(reply.channel(), payload);
            assertThat(ReportWriter.write(ping)).hasSize(2);

            assertThat(exchange(channel, ping)).isEqualTo(ping);
        }
    }

    @Test
    void stoppedDeviceIsDetachedAndRestartedDeviceAttachesAgain() throws Exception {
        device = ScriptedDevice.udp();
        int port = device.port();
        String path = "udp:127.0.0.1:" + port;
        bus = new UdpBus(List.of(device.address()), FAST);
        RecordingListener listener = new RecordingListener();
        bus.watch(listener);
        listener.assertNext("attached " + path, WAIT);
        DeviceChannel channel = bus.open(path);

        device.close();
        device = null;

        listener.assertNext("detached " + path, WAIT);
        assertThat(bus.enumerate()).isEmpty();
        assertThatThrownBy(() -> channel.read(Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.code()).isEqualTo(TransportException.Code.DEVICE_GONE));
        assertThatThrownBy(() -> bus.open(path))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.code()).isEqualTo(TransportException.Code.NOT_FOUND));

        device = ScriptedDevice.udp(port);

        listener.assertNext("attached " + path, WAIT);
        assertThat(bus.enumerate()).extracting(DeviceDescriptor::path).containsExactly(path);
    }

    @Test
    void probesDoNotDisturbTheTrafficOfAnOpenChannel() throws Exception {
        device = ScriptedDevice.udp();
        bus = new UdpBus(List.of(device.address()), new ProbeSettings(Duration.ofMillis(5), Duration.ofMillis(250), 3));
        try (DeviceChannel channel = bus.open(bus.enumerate().get(0).path())) {
            int id = allocate(channel);
            int probesBefore = device.initCount();
            Random random = new Random(2);
            for (int i = 0; i < 40; i++) {
                byte[] payload = new byte[random.nextInt(200)];
                random.nextBytes(payload);
                Frame ping = Frame.ping(id, payload);

                assertThat(exchange(channel, ping)).isEqualTo(ping);
            }
            assertThat(device.initCount()).as("probes went on meanwhile").isGreaterThan(probesBefore);
            assertThat(channel.read(Duration.ofMillis(100))).as("no probe answer reached the channel").isEmpty();
        }
    }

    @Test
    void readWithNothingToReadTimesOutEmpty() throws Exception {
        device = ScriptedDevice.udp();
        bus = new UdpBus(List.of(device.address()), FAST);
        try (DeviceChannel channel = bus.open(bus.enumerate().get(0).path())) {
            long start = System.nanoTime();

            assertThat(channel.read(Duration.ofMillis(80))).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(70));
        }
    }

    @Test
    void closeWakesABlockedReader() throws Exception {
        device = ScriptedDevice.udp();
        bus = new UdpBus(List.of(device.address()), FAST);
        DeviceChannel channel = bus.open(bus.enumerate().get(0).path());
        CompletableFuture<Optional<byte[]>> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return channel.read(Duration.ofSeconds(30));
            } catch (TransportException e) {
                throw new CompletionException(e);
            }
        });
        Thread.sleep(100);

        channel.close();
        channel.close();

        assertThatThrownBy(() -> reader.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .hasCauseInstanceOf(TransportException.class)
                .satisfies(e -> assertThat(((TransportException) e.getCause()).code())
                        .isEqualTo(TransportException.Code.DEVICE_GONE));
        assertThatThrownBy(() -> channel.write(new byte[64]))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.code()).isEqualTo(TransportException.Code.DEVICE_GONE));
    }

    @Test
    void reportsOfTheWrongSizeAreRefusedBothWays() throws Exception {
        device = ScriptedDevice.udp();
        bus = new UdpBus(List.of(device.address()), FAST);
        try (DeviceChannel channel = bus.open(bus.enumerate().get(0).path())) {
            assertThatThrownBy(() -> channel.write(new byte[63]))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.code()).isEqualTo(TransportException.Code.BAD_REPORT));

            Frame ping = Frame.ping(allocate(channel), new byte[0]);
            assertThat(exchange(channel, ping)).isEqualTo(ping);
            device.sendDatagram(device.lastPingFrom().orElseThrow(), new byte[10]);
            device.sendDatagram(device.lastPingFrom().orElseThrow(), new byte[65]);

            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> channel.read(WAIT))
                        .isInstanceOfSatisfying(TransportException.class,
                                e -> assertThat(e.code()).isEqualTo(TransportException.Code.BAD_REPORT));
            }
            assertThat(exchange(channel, ping)).as("the channel is still usable").isEqualTo(ping);
        }
    }

    @Test
    void unknownPathsAreNotFound() throws Exception {
        device = ScriptedDevice.udp();
        bus = new UdpBus(List.of(device.address()), FAST);

        for (String path : List.of("udp:127.0.0.1:1", "hid:0001", "udp:10.0.0.1:" + device.port())) {
            assertThatThrownBy(() -> bus.open(path))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.code()).isEqualTo(TransportException.Code.NOT_FOUND));
        }
    }

    @Test
    void silentAddressIsNeverAttachedAndEnumeratesEmpty() throws Exception {
        InetSocketAddress silent;
        try (DatagramChannel placeholder = DatagramChannel.open()) {
            placeholder.bind(new InetSocketAddress("127.0.0.1", 0));
            silent = (InetSocketAddress) placeholder.getLocalAddress();
        }
        bus = new UdpBus(List.of(silent), FAST);
        RecordingListener listener = new RecordingListener();
        bus.watch(listener);

        assertThat(bus.enumerate()).isEmpty();
        listener.assertNoneWithin(Duration.ofMillis(300));
    }

    @Test
    void nonLoopbackAddressIsRefused() {
        assertThatThrownBy(() -> new UdpBus(List.of(new InetSocketAddress("192.0.2.1", 21336)), FAST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a loopback address");
    }

    @Test
    void closingTheBusClosesItsChannels() throws Exception {
        device = ScriptedDevice.udp();
        bus = new UdpBus(List.of(device.address()), FAST);
        DeviceChannel channel = bus.open(bus.enumerate().get(0).path());

        bus.close();

        assertThatThrownBy(() -> channel.read(Duration.ofMillis(100)))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.code()).isEqualTo(TransportException.Code.DEVICE_GONE));
        assertThat(bus.enumerate()).isEmpty();
        assertThatThrownBy(() -> bus.open("udp:127.0.0.1:" + device.port()))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.code()).isEqualTo(TransportException.Code.NOT_FOUND));
    }

    @Test
    void aThrowingListenerDoesNotStopProbing() throws Exception {
        device = ScriptedDevice.udp();
        int port = device.port();
        bus = new UdpBus(List.of(device.address()), FAST);
        bus.watch(new BusListener() {
            @Override
            public void attached(DeviceDescriptor d) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void detached(DeviceDescriptor d) {
                throw new IllegalStateException("listener bug");
            }
        });
        assertThat(bus.enumerate()).hasSize(1);
        device.close();
        device = null;
        awaitEmpty(bus);
        RecordingListener listener = new RecordingListener();
        bus.watch(listener);

        device = ScriptedDevice.udp(port);

        listener.assertNext("attached udp:127.0.0.1:" + port, WAIT);
    }

    /** Waits until the bus has seen the device go (its listener threw on the way). */
    private static void awaitEmpty(UdpBus bus) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!bus.enumerate().isEmpty()) {
            assertThat(System.nanoTime()).as("device detached in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Runs INIT through {@code channel}; returns the channel id the device allocated. */
    private static int allocate(DeviceChannel channel) throws TransportException, FramingException {
        InitRequest init = InitRequest.random(new SecureRandom());
        InitReply reply = InitReply.from(exchange(channel, init.toFrame()));
        assertThat(reply.answers(init)).isTrue();
        return reply.channel();
    }

    /** Writes every report of {@code request}, then reads reports until one frame is complete. */
    private static Frame exchange(DeviceChannel channel, Frame request) throws TransportException, FramingException {
        for (byte[] report : ReportWriter.write(request)) {
            channel.write(report);
        }
        Reassembler reassembler = new Reassembler();
        while (true) {
            byte[] report = channel.read(WAIT).orElseThrow(() -> new AssertionError("no answer in time"));
            Optional<Frame> frame = reassembler.accept(report);
            if (frame.isPresent()) {
                assertThat(frame.get().command()).isIn(FrameCommand.INIT, FrameCommand.PING);
                return frame.get();
            }
        }
    }
}
