package dev.hwbridge.daemon.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.protocol.message.Wipe;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeviceManagerTest {

    private final FakeBus hid = new FakeBus("hid");
    private final FakeBus udp = new FakeBus("udp");
    private final ScriptedConnector connector = new ScriptedConnector();
    private final Events events = new Events();
    private DeviceManager manager;

    @AfterEach
    void closeManager() {
        if (manager != null) {
            manager.close();
        }
    }

    @Test
    void devicesGetSmallIdsInAttachOrderAcrossBuses() throws Exception {
        start();
        plug(udp, "127.0.0.1:21336");
        plug(hid, "a1");

        assertThat(manager.list()).extracting(Device::id).containsExactly("1", "2");
        assertThat(manager.find("2").orElseThrow().descriptor().transport()).isEqualTo("hid");
        assertThat(events.take()).isEqualTo("attached 1");
        assertThat(events.take()).isEqualTo("attached 2");
    }

    @Test
    void devicesPresentWhenTheBusStartsAreListed() throws Exception {
        connector.connectionFor("udp:sim").enqueue(Replies.features("Bob's", true, false, List.of()));
        udp.plug("sim");

        start();

        assertThat(manager.list()).extracting(Device::id).containsExactly("1");
        connector.connectionFor("udp:sim").takeRequest();
    }

    @Test
    void aDeviceThatComesBackAtTheSamePathKeepsItsId() throws Exception {
        start();
        plug(udp, "a");
        plug(udp, "b");
        udp.unplug("a");
        assertThat(manager.list()).extracting(Device::id).containsExactly("2");

        connector.connectionFor("udp:a").enqueue(Replies.features("again", true, false, List.of()));
        udp.plug("a");

        assertThat(manager.list()).extracting(Device::id).containsExactly("1", "2");
    }

    @Test
    void labelAndModelAreFetchedWhenADeviceAttaches() throws Exception {
        start();
        plug(udp, "sim");

        DeviceInfo info = awaitLabel(manager.find("1").orElseThrow());

        assertThat(info).isEqualTo(new DeviceInfo("1", "udp", "Alice's", "hwbridge-sim"));
    }

    @Test
    void aBusThatFailsToStartIsSkippedAndTheOthersServe() throws Exception {
        manager = DeviceManager.start(List.of(
                new BusFactory("usb", () -> {
                    throw new TransportException(TransportException.Code.IO, "libusb is missing");
                }),
                new BusFactory("linkage", () -> {
                    throw new UnsatisfiedLinkError("no hidapi");
                }),
                new BusFactory("udp", () -> udp)), connector);
        manager.addListener(events);

        plug(udp, "sim");

        assertThat(manager.list()).extracting(Device::id).containsExactly("1");
    }

    @Test
    void unplugFailsTheCallInProgressWithDeviceGoneAndTellsListeners() throws Exception {
        start();
        plug(udp, "sim");
        ScriptedConnection connection = connector.connectionFor("udp:sim");
        connection.enqueueHang(Replies.confirm("Erase everything?"));
        Device device = manager.find("1").orElseThrow();
        CompletableFuture<Response> call = CompletableFuture.supplyAsync(() -> {
            try {
                return device.call(Request.newBuilder().setWipe(Wipe.getDefaultInstance()).build(), r -> { }, () -> true);
            } catch (DeviceException e) {
                throw new CompletionException(e);
            }
        });
        connection.awaitHanging();

        udp.unplug("sim");

        DeviceTest.assertFails(call, DeviceError.GONE);
        assertThat(manager.list()).isEmpty();
        assertThat(events.take()).isEqualTo("attached 1");
        assertThat(events.take()).isEqualTo("detached 1");
    }

    @Test
    void closeClosesEveryBusAndDetachesTheDevices() throws Exception {
        start();
        plug(udp, "sim");
        Device device = manager.find("1").orElseThrow();

        manager.close();

        assertThat(udp.isClosed()).isTrue();
        assertThat(hid.isClosed()).isTrue();
        assertThat(device.isGone()).isTrue();
        assertThat(manager.list()).isEmpty();
    }

    private void start() {
        manager = DeviceManager.start(List.of(new BusFactory("hid", () -> hid), new BusFactory("udp", () -> udp)), connector);
        manager.addListener(events);
    }

    /** Plugs a device whose attach-time GetFeatures is answered, and waits for that exchange. */
    private void plug(FakeBus bus, String location) throws InterruptedException {
        ScriptedConnection connection = connector.connectionFor(bus.name() + ":" + location);
        connection.enqueue(Replies.features("Alice's", true, false, List.of("main")));
        bus.plug(location);
        assertThat(connection.takeRequest().hasGetFeatures()).isTrue();
    }

    private static DeviceInfo awaitLabel(Device device) throws InterruptedException {
        for (int i = 0; i < 100 && device.info().label() == null; i++) {
            Thread.sleep(20);
        }
        return device.info();
    }

    /** Records listener events as "attached 1" / "detached 1". */
    private static final class Events implements DeviceListener {

        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();

        @Override
        public void attached(Device device) {
            queue.add("attached " + device.id());
        }

        @Override
        public void detached(Device device) {
            queue.add("detached " + device.id());
        }

        String take() throws InterruptedException {
            String event = queue.poll(5, TimeUnit.SECONDS);
            assertThat(event).isNotNull();
            return event;
        }
    }
}
