package dev.hwbridge.simulator.transport;

import dev.hwbridge.simulator.device.CancelSignal;
import java.net.SocketAddress;

/**
 * The one request the device is working on: who asked (channel and address), its cancel signal,
 * when the device last sent something for it (for KEEPALIVE), and whether its host has abandoned
 * it (INIT resync), in which case its remaining replies are dropped.
 */
final class Exchange {

    private final int channel;
    private final SocketAddress peer;
    private final CancelSignal signal;
    private final int messageId;
    private volatile long lastSentNanos;
    private volatile boolean abandoned;

    Exchange(int channel, SocketAddress peer, CancelSignal signal, int messageId) {
        this.channel = channel;
        this.peer = peer;
        this.signal = signal;
        this.messageId = messageId;
        this.lastSentNanos = System.nanoTime();
    }

    int channel() {
        return channel;
    }

    SocketAddress peer() {
        return peer;
    }

    /** The request's message_id, copied into every Response of the exchange (0: the host sent none). */
    int messageId() {
        return messageId;
    }

    CancelSignal signal() {
        return signal;
    }

    long lastSentNanos() {
        return lastSentNanos;
    }

    void sent() {
        lastSentNanos = System.nanoTime();
    }

    boolean abandoned() {
        return abandoned;
    }

    /** The host's CANCEL: the request ends with CANCELLED, which is still sent. */
    void cancel() {
        signal.cancel();
    }

    /** The host resynchronised its channel: the request is cancelled and nothing more is sent. */
    void abandon() {
        abandoned = true;
        signal.cancel();
    }
}
