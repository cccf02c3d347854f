package dev.hwbridge.simulator.device;

import dev.hwbridge.protocol.message.Response;

/**
 * Where the device sends its interim replies (ButtonRequest, Progress, InputRequest) while a
 * request is in progress; the transport turns each into a MSG frame on the requesting channel.
 */
@FunctionalInterface
public interface Interim {

    /** Sends one interim reply; must not block for long (the device waits on it). */
    void send(Response interim);

    /** Drops every interim reply, for callers that only want the final one. */
    Interim DISCARD = interim -> { };
}
