package dev.hwbridge.simulator.transport;

import dev.hwbridge.protocol.framing.Channels;
import java.net.SocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The channels the device has handed out, each bound to the address that asked for it, so
 * another host cannot talk on it. Keeps the most recently used {@code capacity}; a host whose
 * channel was forgotten gets INVALID_CHANNEL and runs INIT again (PROTOCOL.md §2). Used by the
 * receiving thread only.
 */
final class ChannelTable {

    private final Random random;
    private final Map<Integer, SocketAddress> bound;

    ChannelTable(Random random, int capacity) {
        this.random = random;
        this.bound = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, SocketAddress> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A fresh random channel bound to {@code peer}. */
    int allocate(SocketAddress peer) {
        int channel;
        do {
            channel = Channels.allocate(random);
        } while (bound.containsKey(channel));
        bound.put(channel, peer);
        return channel;
    }

    /** True if {@code channel} was handed out to {@code peer} (and is still remembered). */
    boolean isBoundTo(int channel, SocketAddress peer) {
        SocketAddress owner = bound.get(channel);
        return owner != null && owner.equals(peer);
    }
}
