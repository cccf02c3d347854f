package dev.hwbridge.daemon.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link BusListener} that queues every event, for tests to pop and check in order. */
public final class HotPlugRecorder implements BusListener {

    /** One recorded event. */
    public record Event(boolean attached, DeviceDescriptor device) {
    }

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile Thread lastThread;

    @Override
    public void attached(DeviceDescriptor device) {
        lastThread = Thread.currentThread();
        events.add(new Event(true, device));
    }

    @Override
    public void detached(DeviceDescriptor device) {
        lastThread = Thread.currentThread();
        events.add(new Event(false, device));
    }

    /** A listener that records into this recorder but then throws on every attach, as a buggy listener would. */
    public BusListener throwingAfterEachAttach() {
        return new BusListener() {
            @Override
            public void attached(DeviceDescriptor device) {
                HotPlugRecorder.this.attached(device);
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void detached(DeviceDescriptor device) {
                HotPlugRecorder.this.detached(device);
            }
        };
    }

    /** Waits for the next event and checks it is an attach; returns its device. */
    public DeviceDescriptor assertAttached() throws InterruptedException {
        Event event = next();
        assertThat(event.attached()).as("attached, got %s", event).isTrue();
        return event.device();
    }

    /** Waits for the next event and checks it is a detach; returns its device. */
    public DeviceDescriptor assertDetached() throws InterruptedException {
        Event event = next();
        assertThat(event.attached()).as("detached, got %s", event).isFalse();
        return event.device();
    }

    /** Checks that no event comes within {@code quiet}. */
    public void assertQuietFor(Duration quiet) throws InterruptedException {
        Event event = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("no further event").isNull();
    }

    /** The thread that delivered the last event. */
    public Thread lastThread() {
        return lastThread;
    }

    private Event next() throws InterruptedException {
        Event event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an event within %s", WAIT).isNotNull();
        return event;
    }
}
