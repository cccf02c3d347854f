package dev.hwbridge.daemon.server;

import java.time.Duration;
import java.util.Objects;

/**
 * What bounds the daemon's memory however many clients push at it (API.md, Limits).
 *
 * @param maxWebSockets       WebSocket connections open at once; one more gets HTTP 503 at its upgrade
 * @param maxSockets          TCP connections open at once, WebSocket or not; one more is closed when accepted
 * @param messageDeadline     how long a message (or a frame) that has started may take to arrive
 *                            whole; then the connection is closed with 1008
 * @param ordinaryMessageBytes a message at most this long needs nothing more
 * @param largeMessageBytes   the longest message (1009 beyond it); longer than ordinary needs the
 *                            daemon's one large-message slot (1013 while another connection holds it)
 * @param receivingBudgetBytes bytes of messages being received, every connection added up (1013 beyond)
 * @param maxQueuedBytes      bytes of replies queued for a connection that does not read them; more
 *                            closes it (it stops being read from at a quarter of this)
 */
public record ServerCaps(int maxWebSockets, int maxSockets, Duration messageDeadline, int ordinaryMessageBytes,
                         int largeMessageBytes, int receivingBudgetBytes, int maxQueuedBytes) {

    /**
     * 128 WebSockets (the benchmark's heaviest load is 100 clients), 256 sockets, 10 s for a started message, 1 MiB messages and one of up to
     * 4 MiB at a time (room for {@code chain.addMetadata}'s 1.0–1.4 MB), 8 MiB being received in
     * all, 2 MiB of replies queued per connection. Together about 8 + 128 × 2 MiB in the worst
     * case, and a few MiB in practice: replies are small and a connection over 512 KiB of unread
     * replies is not read from until it catches up.
     */
    public static final ServerCaps DEFAULT = new ServerCaps(128, 256, Duration.ofSeconds(10), 1 << 20, 4 << 20,
            8 << 20, 2 << 20);

    public ServerCaps {
        Objects.requireNonNull(messageDeadline, "messageDeadline");
        if (maxWebSockets < 1 || maxSockets < maxWebSockets || messageDeadline.isNegative()
                || messageDeadline.isZero() || ordinaryMessageBytes < 1 || largeMessageBytes < ordinaryMessageBytes
                || receivingBudgetBytes < largeMessageBytes || maxQueuedBytes < 4) {
            throw new IllegalArgumentException("server caps out of range: " + maxWebSockets + " WebSockets, "
                    + maxSockets + " sockets, deadline " + messageDeadline + ", messages " + ordinaryMessageBytes
                    + "/" + largeMessageBytes + ", receiving " + receivingBudgetBytes + ", queued " + maxQueuedBytes);
        }
    }

    public ServerCaps withMaxWebSockets(int count) {
        return new ServerCaps(count, Math.max(count, maxSockets), messageDeadline, ordinaryMessageBytes,
                largeMessageBytes, receivingBudgetBytes, maxQueuedBytes);
    }

    public ServerCaps withMaxQueuedBytes(int bytes) {
        return new ServerCaps(maxWebSockets, maxSockets, messageDeadline, ordinaryMessageBytes, largeMessageBytes,
                receivingBudgetBytes, bytes);
    }

    /** Where a connection stops being read from: replies beyond this wait for the client to read. */
    int stopReadingBytes() {
        return maxQueuedBytes / 4;
    }
}
