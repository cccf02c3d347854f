package dev.hwbridge.daemon.server;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Counts refusals (a Host or Origin refused, calls rate limited, caps reached) and logs at most one
 * line per origin and reason each interval, with the count: any web page can make the daemon refuse
 * a thousand requests in half a second, and must not be able to fill the log with them. The first
 * refusal of an origin and reason is logged at once; the ones after it within the interval are
 * counted and logged together by the next refusal or {@link #flush()} after the interval. Origins
 * are the client's, so at most {@link #MAX_KEYS} are told apart; beyond that they are counted
 * together. Thread-safe.
 */
final class RefusalLog {

    static final Duration INTERVAL = Duration.ofSeconds(10);
    /** Origin and reason pairs tracked at once; a client can invent origins without end. */
    static final int MAX_KEYS = 256;
    static final String OTHER_ORIGINS = "(other origins)";
    static final String NO_ORIGIN = "(no Origin)";

    private record Key(String origin, String reason) {
    }

    private static final class Tally {
        long lastLineNanos;
        long unlogged;
    }

    private final LongSupplier nanoClock;
    private final Consumer<String> sink;
    private final long intervalNanos;
    private final String intervalText;
    private final Map<Key, Tally> tallies = new LinkedHashMap<>();
    private long total;

    /**
     * @param sink receives each log line (the daemon's INFO log)
     */
    RefusalLog(LongSupplier nanoClock, Consumer<String> sink) {
        this(nanoClock, sink, INTERVAL);
    }

    RefusalLog(LongSupplier nanoClock, Consumer<String> sink, Duration interval) {
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.intervalNanos = interval.toNanos();
        this.intervalText = interval.toMillis() % 1000 == 0 ? interval.toSeconds() + " s" : interval.toMillis() + " ms";
    }

    /** The origin as a log key: the header as sent, made safe to log, or {@link #NO_ORIGIN}. */
    static String origin(String originHeader) {
        return originHeader == null ? NO_ORIGIN : LoopbackGuardHandler.loggable(originHeader);
    }

    /** One refusal of a request from {@code origin} (see {@link #origin}) for {@code reason}, a fixed text. */
    void refused(String origin, String reason) {
        refused(origin, reason, 1);
    }

    /** {@code count} refusals at once. */
    synchronized void refused(String origin, String reason, long count) {
        if (count <= 0) {
            return;
        }
        total += count;
        long now = nanoClock.getAsLong();
        Key key = new Key(origin, reason);
        Tally tally = tallies.get(key);
        if (tally == null) {
            if (tallies.size() >= MAX_KEYS) {
                forgetQuiet(now);
            }
            if (tallies.size() >= MAX_KEYS) {
                key = new Key(OTHER_ORIGINS, reason);
                tally = tallies.get(key);
            }
        }
        if (tally == null) {
            tally = new Tally();
            tallies.put(key, tally);
            tally.unlogged = count;
            line(key, tally, now, true);
            return;
        }
        tally.unlogged += count;
        if (now - tally.lastLineNanos >= intervalNanos) {
            line(key, tally, now, false);
        }
    }

    /** Logs the counts whose interval has passed and forgets pairs quiet for an interval; run every interval. */
    synchronized void flush() {
        long now = nanoClock.getAsLong();
        for (Map.Entry<Key, Tally> entry : tallies.entrySet()) {
            Tally tally = entry.getValue();
            if (tally.unlogged > 0 && now - tally.lastLineNanos >= intervalNanos) {
                line(entry.getKey(), tally, now, false);
            }
        }
        forgetQuiet(now);
    }

    /** Every refusal counted since the daemon started. */
    synchronized long total() {
        return total;
    }

    private void forgetQuiet(long now) {
        Iterator<Tally> it = tallies.values().iterator();
        while (it.hasNext()) {
            Tally tally = it.next();
            if (tally.unlogged == 0 && now - tally.lastLineNanos >= intervalNanos) {
                it.remove();
            }
        }
    }

    private void line(Key key, Tally tally, long now, boolean first) {
        long count = tally.unlogged;
        sink.accept(first
                ? "refused a request from " + key.origin() + ": " + key.reason()
                        + " (more like it are counted and logged at most every " + intervalText + ")"
                : "refused " + (count == 1 ? "1 more request" : count + " more requests") + " from " + key.origin()
                        + ": " + key.reason());
        tally.unlogged = 0;
        tally.lastLineNanos = now;
    }
}
