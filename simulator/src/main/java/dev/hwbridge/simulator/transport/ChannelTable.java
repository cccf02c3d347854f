package dev.hwbridge.simulator.transport;

import dev.hwbridge.protocol.framing.Channels;
import java.net.SocketAddress;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * The channels the device has handed out, each bound to the address that asked for it, so another
 * host cannot talk on it. Memory is bounded as PROTOCOL.md §2 asks: channels allocated but never
 * used (a liveness probe allocates one every 500 ms) are kept apart and go first; of the used
 * ones the {@value #USED_CAPACITY} most recently used stay, and a channel the caller marks busy
 * (an exchange pending, a message half-received) is never forgotten. A host whose channel was
 * forgotten gets INVALID_CHANNEL and runs INIT again. Used by the receiving thread only.
 */
final class ChannelTable {

    static final int UNUSED_CAPACITY = 16;
    static final int USED_CAPACITY = 32;

    private final Random random;
    private final IntPredicate busy;
    private final Map<Integer, SocketAddress> unused = new LinkedHashMap<>();
    private final Map<Integer, SocketAddress> used = new LinkedHashMap<>(16, 0.75f, true);

    /** @param busy true for a channel that must not be forgotten now */
    ChannelTable(Random random, IntPredicate busy) {
        this.random = random;
        this.busy = busy;
    }

    /** A fresh random channel bound to {@code peer}. */
    int allocate(SocketAddress peer) {
        int channel;
        do {
            channel = Channels.allocate(random);
        } while (unused.containsKey(channel) || used.containsKey(channel));
        unused.put(channel, peer);
        if (unused.size() > UNUSED_CAPACITY) {
            Iterator<Integer> eldest = unused.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return channel;
    }

    /** True if {@code channel} was handed out to {@code peer} and is still remembered. */
    boolean isBoundTo(int channel, SocketAddress peer) {
        SocketAddress owner = used.containsKey(channel) ? used.get(channel) : unused.get(channel);
        return owner != null && owner.equals(peer);
    }

    /** Records that {@code channel} (a remembered one) carried a report other than INIT. */
    void touch(int channel) {
        SocketAddress peer = unused.remove(channel);
        if (peer != null) {
            used.put(channel, peer);
        } else if (used.get(channel) == null) {
            return;
        }
        if (used.size() > USED_CAPACITY) {
            for (Iterator<Integer> eldest = used.keySet().iterator(); eldest.hasNext(); ) {
                int candidate = eldest.next();
                if (candidate != channel && !busy.test(candidate)) {
                    eldest.remove();
                    return;
                }
            }
        }
    }
}
