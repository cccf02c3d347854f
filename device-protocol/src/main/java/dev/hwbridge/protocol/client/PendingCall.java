package dev.hwbridge.protocol.client;

import dev.hwbridge.protocol.framing.FrameCommand;

/**
 * The state of the call in progress. Touched only on the {@link AsyncDeviceClient}'s executor,
 * which also writes the reports, so a CANCEL can never be written before, or in the middle of,
 * the request it cancels.
 */
final class PendingCall {

    private final FrameCommand command;
    private int channel;
    private boolean started;
    private boolean sent;
    private boolean cancelRequested;
    private long cancelRequestedAt;
    private boolean cancelSent;
    private boolean ended;
    private boolean answered;
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
