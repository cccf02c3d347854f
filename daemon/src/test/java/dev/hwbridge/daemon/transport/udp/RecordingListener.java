package dev.hwbridge.daemon.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.daemon.transport.BusListener;
import dev.hwbridge.daemon.transport.DeviceDescriptor;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Queues every bus event as "attached PATH" or "detached PATH"; tests pop them in order. */
final class RecordingListener implements BusListener {

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @Override
    public void attached(DeviceDescriptor device) {
        events.add("attached " + device.path());
    }

    @Override
    public void detached(DeviceDescriptor device) {
        events.add("detached " + device.path());
    }

    /** Waits for the next event and checks it. */
    void assertNext(String expected, Duration timeout) throws InterruptedException {
        assertThat(events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("next bus event").isEqualTo(expected);
    }

    void assertNoneWithin(Duration quiet) throws InterruptedException {
        assertThat(events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)).as("no bus event").isNull();
    }
}
