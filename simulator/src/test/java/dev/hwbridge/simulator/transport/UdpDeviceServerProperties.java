package dev.hwbridge.simulator.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.FrameCommand;
import dev.hwbridge.simulator.Simulator;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.TestHost;
import dev.hwbridge.simulator.testing.Vectors;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

class UdpDeviceServerProperties {

    private static Simulator device;

    @BeforeContainer
    static void start() throws IOException {
        device = Devices.builder().mnemonic(Vectors.DEV_PHRASE).promptTimeout(Duration.ofMillis(5)).start();
    }

    @AfterContainer
    static void stop() {
        device.close();
    }

    /** Junk reports (on the host's channel, another or none) get answers or ERRORs, and the device stays usable. */
    @Property(tries = 100)
    void junkReportsNeverStopTheDevice(@ForAll @Size(min = 1, max = 4) java.util.List<@Size(value = 64) byte[]> reports,
            @ForAll boolean onOwnChannel) {
        try (TestHost host = TestHost.connect(device.udpPort())) {
            for (byte[] report : reports) {
                if (onOwnChannel) {
                    java.nio.ByteBuffer.wrap(report).putInt(host.channel());
                }
                host.sendDatagram(report);
            }
            drain(host);
            host.send(Frame.cancel(host.channel()));
            byte[] echo = {42};
            host.send(Frame.ping(host.channel(), echo));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean echoed = false;
            while (!echoed && System.nanoTime() < deadline) {
                Optional<Frame> frame = host.poll(Duration.ofMillis(200));
                echoed = frame.filter(f -> f.command() == FrameCommand.PING).isPresent();
            }
            assertThat(echoed).isTrue();
        }
    }

    private static void drain(TestHost host) {
        try {
            while (host.poll(Duration.ofMillis(30)).isPresent()) {
                // Answers to junk are allowed; only the device's survival matters here.
            }
        } catch (AssertionError brokenFrameFromJunkResync) {
            // The host's own reassembler may see a half frame when junk interleaves; not the device's fault.
        }
    }
}
