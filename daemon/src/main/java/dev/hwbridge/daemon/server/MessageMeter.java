package dev.hwbridge.daemon.server;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The daemon-wide account of WebSocket messages being received, kept from frame headers as they
 * arrive (before any frame or message is buffered whole): a message may be up to the ordinary
 * size; one longer message at a time across the daemon may be up to the large size (its holder
 * keeps the slot until the message has arrived or its connection closed); and the bytes of all
 * messages being received together stay within a budget. Thread-safe; each {@link Reading} is
 * used by its connection's I/O thread only.
 */
final class MessageMeter {

    /** What a frame may do. */
    enum Verdict {
        /** Go on receiving. */
        GO,
        /** Another connection's large message is being received: close 1013, try again later. */
        LARGE_BUSY,
        /** The bytes being received, every connection added up, would pass the budget: close 1013 too. */
        BUDGET_SPENT,
        /** Over the large size: close 1009. */
        TOO_BIG
    }

    private final long ordinaryBytes;
    private final long largeBytes;
    private final long budgetBytes;
    private final AtomicLong receiving = new AtomicLong();
    private final AtomicReference<Reading> largeSlot = new AtomicReference<>();

    MessageMeter(ServerCaps caps) {
        this.ordinaryBytes = caps.ordinaryMessageBytes();
        this.largeBytes = caps.largeMessageBytes();
        this.budgetBytes = caps.receivingBudgetBytes();
    }

    /** A meter for one connection's messages. */
    Reading newReading() {
        return new Reading();
    }

    /** Bytes of messages being received now, every connection added up. */
    long receivingBytes() {
        return receiving.get();
    }

    /** Whether a message over the ordinary size is being received. */
    boolean largeInProgress() {
        return largeSlot.get() != null;
    }

    /** One connection's message being received. Not thread-safe. */
    final class Reading {

        private long messageBytes;
        private long reserved;

        private Reading() {
        }

        /**
         * A data frame's header has arrived, declaring {@code payloadBytes}; {@code startsMessage}
         * for a text or binary frame, false for a continuation. After anything but {@code GO} the
         * connection is to be closed (and {@link #close()} called).
         */
        Verdict frame(boolean startsMessage, long payloadBytes) {
            if (startsMessage) {
                messageEnded();
            }
            if (payloadBytes < 0 || payloadBytes > largeBytes - messageBytes) {
                return Verdict.TOO_BIG;
            }
            long total = messageBytes + payloadBytes;
            if (total > ordinaryBytes && largeSlot.get() != this && !largeSlot.compareAndSet(null, this)) {
                return Verdict.LARGE_BUSY;
            }
            if (!reserve(payloadBytes)) {
                return Verdict.BUDGET_SPENT;
            }
            messageBytes = total;
            return Verdict.GO;
        }

        /** The message's last byte has arrived: its bytes and the large slot go back. */
        void messageEnded() {
            receiving.addAndGet(-reserved);
            reserved = 0;
            messageBytes = 0;
            largeSlot.compareAndSet(this, null);
        }

        /** The connection is closing: as {@link #messageEnded()}; idempotent. */
        void close() {
            messageEnded();
        }

        private boolean reserve(long bytes) {
            long now;
            do {
                now = receiving.get();
                if (now + bytes > budgetBytes) {
                    return false;
                }
            } while (!receiving.compareAndSet(now, now + bytes));
            reserved += bytes;
            return true;
        }
    }
}
