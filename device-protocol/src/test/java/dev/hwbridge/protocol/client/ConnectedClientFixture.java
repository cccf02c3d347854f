package dev.hwbridge.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.framing.FrameCommand;
import dev.hwbridge.testkit.device.ScriptedDevice;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Set-up for tests of calls on an open client: a {@link ScriptedDevice} and a {@link DeviceClient}
 * opened to it, whose INIT the device has already taken, so a test's first frame is its own.
 */
abstract class ConnectedClientFixture {

    static final Duration WAIT = Duration.ofSeconds(5);

    final ScriptedDevice device = ScriptedDevice.start();
    DeviceClient client;

    @BeforeEach
    void connect() throws Exception {
        client = DeviceClient.open(device.hostPort(), WAIT);
        assertThat(device.takeFrame(WAIT).command()).isEqualTo(FrameCommand.INIT);
    }

    @AfterEach
    void disconnect() {
        client.close();
        device.close();
    }
}
