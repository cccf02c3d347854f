package dev.hwbridge.e2e;

import dev.hwbridge.protocol.framing.HidFraming;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP relay on loopback between hosts and one simulator that mistreats datagrams by a seeded
 * {@link Rates policy}, per direction: each one is passed, dropped, duplicated (both copies at
 * once) or delayed (so later ones overtake it). Every host address gets its own upstream socket,
 * so the simulator sees one peer per host socket, as it would without the relay. Thread-safe.
 */
final class UdpFaultProxy implements AutoCloseable {

    /** What happened to a datagram. */
    enum Fault { PASSED, DROPPED, DUPLICATED, DELAYED }

    /** Which way a datagram went. */
    enum Direction { TO_DEVICE, TO_HOST }

    /**
     * Probabilities per datagram, each 0..1, summing to at most 1; the rest pass untouched.
     * A delayed datagram waits {@code 1..maxDelayMillis} ms.
     *
     * @param wholeMessages whether a report that is a whole message by itself (a frame of one
     *                      report) may be duplicated too; framing cannot tell such a repeat from
     *                      a new message (PROTOCOL.md §1), so without it only repeats the framing
     *                      can detect are made (a report of a longer message); a report that may
     *                      not be duplicated passes instead
     */
    record Rates(double drop, double duplicate, double delay, int maxDelayMillis, boolean wholeMessages) {
        static final Rates NONE = new Rates(0, 0, 0, 1, false);

        Rates {
            if (drop < 0 || duplicate < 0 || delay < 0 || drop + duplicate + delay > 1 || maxDelayMillis < 1) {
                throw new IllegalArgumentException("rates must be 0..1 and sum to at most 1");
            }
        }
    }

    private static final int MAX_DATAGRAM = 2048;

    private final InetSocketAddress device;
    private final DatagramChannel front;
    private final Random random;
    private final Map<SocketAddress, DatagramChannel> upstreams = new ConcurrentHashMap<>();
    private final Map<Direction, Map<Fault, AtomicLong>> counts = new EnumMap<>(Direction.class);
    private final Map<Direction, Rates> rates = new ConcurrentHashMap<>();
    private final ScheduledExecutorService delayer;
    /** Per direction: the datagram that is dropped for sure is the countdown's 1; 0: none. */
    private final Map<Direction, AtomicLong> dropCountdown = new EnumMap<>(Direction.class);
    private volatile boolean closed;

    private UdpFaultProxy(InetSocketAddress device, DatagramChannel front, long seed, Rates rates) {
        this.device = device;
        this.front = front;
        this.random = new Random(seed);
        for (Direction direction : Direction.values()) {
            this.rates.put(direction, rates);
            dropCountdown.put(direction, new AtomicLong());
            Map<Fault, AtomicLong> byFault = new EnumMap<>(Fault.class);
            for (Fault fault : Fault.values()) {
                byFault.put(fault, new AtomicLong());
            }
            counts.put(direction, byFault);
        }
        this.delayer = Executors.newSingleThreadScheduledExecutor(daemonThreads("udp-proxy-delay"));
    }

    /** A relay on 127.0.0.1 (a free port) to {@code device}, with {@code rates} both ways. */
    static UdpFaultProxy start(InetSocketAddress device, long seed, Rates rates) throws IOException {
        DatagramChannel front = DatagramChannel.open();
        front.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        UdpFaultProxy proxy = new UdpFaultProxy(device, front, seed, rates);
        daemonThreads("udp-proxy-front").newThread(proxy::relayFromHosts).start();
        return proxy;
    }

    /** Where hosts send: give this to the daemon as the simulator's address. */
    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) front.getLocalAddress();
    }

    /** Changes the policy both ways from the next datagram on. */
    void rates(Rates next) {
        for (Direction direction : Direction.values()) {
            rates.put(direction, next);
        }
    }

    /**
     * Drops the {@code nth} datagram going {@code direction} from now on (1: the next), whatever
     * the rates say. Each lost request or reply costs the host an idle timeout (10 s): a test
     * that wants a drop for sure, and no more than it can wait for, sets one here and no drop rate.
     */
    void dropOne(Direction direction, long nth) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth counts from 1");
        }
        dropCountdown.get(direction).set(nth);
    }

    /** Changes the policy one way from the next datagram on. */
    void rates(Direction direction, Rates next) {
        rates.put(direction, next);
    }

    long count(Direction direction, Fault fault) {
        return counts.get(direction).get(fault).get();
    }

    String summary() {
        StringBuilder text = new StringBuilder();
        for (Direction direction : Direction.values()) {
            text.append(direction).append(' ').append(counts.get(direction)).append(' ');
        }
        return text.toString().trim();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        delayer.shutdownNow();
        front.close();
        for (DatagramChannel upstream : upstreams.values()) {
            upstream.close();
        }
    }

    private void relayFromHosts() {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        while (!closed) {
            try {
                buffer.clear();
                SocketAddress host = front.receive(buffer);
                buffer.flip();
                byte[] datagram = new byte[buffer.remaining()];
                buffer.get(datagram);
                DatagramChannel upstream = upstreamFor(host);
                forward(Direction.TO_DEVICE, datagram, bytes -> upstream.write(ByteBuffer.wrap(bytes)));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // A host socket that closed meanwhile; the next datagram is another story.
                continue;
            }
        }
    }

    private DatagramChannel upstreamFor(SocketAddress host) throws IOException {
        DatagramChannel existing = upstreams.get(host);
        if (existing != null) {
            return existing;
        }
        DatagramChannel upstream = DatagramChannel.open();
        upstream.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        upstream.connect(device);
        upstreams.put(host, upstream);
        daemonThreads("udp-proxy-upstream").newThread(() -> relayToHost(upstream, host)).start();
        return upstream;
    }

    private void relayToHost(DatagramChannel upstream, SocketAddress host) {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        while (!closed) {
            try {
                buffer.clear();
                upstream.receive(buffer);
                buffer.flip();
                byte[] datagram = new byte[buffer.remaining()];
                buffer.get(datagram);
                forward(Direction.TO_HOST, datagram, bytes -> front.send(ByteBuffer.wrap(bytes), host));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // The simulator is not listening (ICMP unreachable on a connected socket): keep relaying.
                continue;
            }
        }
    }

    @FunctionalInterface
    private interface Sender {
        void send(byte[] datagram) throws IOException;
    }

    private void forward(Direction direction, byte[] datagram, Sender sender) throws IOException {
        Rates now = rates.get(direction);
        Fault fault;
        int delay;
        synchronized (random) {
            double roll = random.nextDouble();
            delay = 1 + random.nextInt(now.maxDelayMillis());
            if (dropCountdown.get(direction).getAndUpdate(left -> Math.max(0, left - 1)) == 1) {
                fault = Fault.DROPPED;
            } else if (roll < now.drop()) {
                fault = Fault.DROPPED;
            } else if (roll < now.drop() + now.duplicate()) {
                fault = now.wholeMessages() || !isWholeMessage(datagram) ? Fault.DUPLICATED : Fault.PASSED;
            } else if (roll < now.drop() + now.duplicate() + now.delay()) {
                fault = Fault.DELAYED;
            } else {
                fault = Fault.PASSED;
            }
        }
        counts.get(direction).get(fault).incrementAndGet();
        switch (fault) {
            case PASSED -> sender.send(datagram);
            case DROPPED -> { }
            case DUPLICATED -> {
                sender.send(datagram);
                sender.send(datagram);
            }
            case DELAYED -> delayer.schedule(() -> {
                try {
                    sender.send(datagram);
                } catch (IOException e) {
                    // Sent late to a socket that has gone: the same as a drop.
                }
            }, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** An init packet whose frame fits in it: the report is a whole message. */
    static boolean isWholeMessage(byte[] report) {
        if (report.length != HidFraming.REPORT_SIZE
                || (report[HidFraming.COMMAND_OFFSET] & HidFraming.INIT_BIT) == 0) {
            return false;
        }
        int length = ((report[HidFraming.LENGTH_OFFSET] & 0xFF) << 8) | (report[HidFraming.LENGTH_OFFSET + 1] & 0xFF);
        return length <= HidFraming.INIT_DATA_SIZE;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
