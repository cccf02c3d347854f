package dev.hwbridge.protocol.client;

import dev.hwbridge.protocol.framing.FrameCommand;

/**
 * The state of the call in progress, shared by the calling thread and whoever calls
 * {@link DeviceClient#cancel()}. Written under the client's write lock (so a CANCEL can never be
 * written before, or in the middle of, the request it cancels); volatile so the calling thread
 * may read it without the lock.
 */
final class PendingCall {

    private final FrameCommand command;
    private volatile int channel;
    private volatile boolean started;
    private volatile boolean sent;
    private volatile boolean cancelRequested;
    private volatile long cancelRequestedAt;
    private volatile boolean cancelSent;
    private volatile boolean ended;
    private volatile boolean answered;
    private int framesReceived;

    PendingCall(FrameCommand command) {
        this.command = command;
    }

    FrameCommand command() {
        return command;
    }

    /** A CANCEL only means something to the device for a MSG exchange; a PING has nothing to cancel. */
    boolean expectsCancelReply() {
        return command == FrameCommand.MSG;
    }

    /** A new attempt: the request is about to be written on {@code newChannel}. */
    void beginAttempt(int newChannel) {
        channel = newChannel;
        started = true;
        sent = false;
        cancelSent = false;
        ended = false;
        answered = false;
        framesReceived = 0;
    }

    int channel() {
        return channel;
    }

    /** At least one report of the request went out, so the device may hold part of it. */
    boolean started() {
        return started;
    }

    void markSent() {
        sent = true;
    }

    boolean sent() {
        return sent;
    }

    /** @return false if a cancel was already requested */
    boolean requestCancel(long nowNanos) {
        if (cancelRequested) {
            return false;
        }
        cancelRequestedAt = nowNanos;
        cancelRequested = true;
        return true;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    long cancelRequestedAt() {
        return cancelRequestedAt;
    }

    void markCancelSent() {
        cancelSent = true;
    }

    boolean cancelSent() {
        return cancelSent;
    }

    /** The device ended the exchange itself (a final reply, a PING echo or an ERROR): the channel is clean. */
    void end() {
        ended = true;
    }

    boolean ended() {
        return ended;
    }

    /** The device answered the request (a final reply or the echo, not an ERROR): nothing more comes on its channel but copies. */
    void answer() {
        answered = true;
    }

    boolean answered() {
        return answered;
    }

    void countFrame() {
        framesReceived++;
    }

    int framesReceived() {
        return framesReceived;
    }
}
