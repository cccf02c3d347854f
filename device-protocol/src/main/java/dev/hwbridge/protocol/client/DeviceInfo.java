package dev.hwbridge.protocol.client;

import dev.hwbridge.protocol.framing.Channels;
import dev.hwbridge.protocol.framing.InitReply;

/**
 * What the device said in its INIT reply: the channel it allocated to this client and its
 * versions. Immutable.
 *
 * @param capabilities bit flags (PROTOCOL.md §3.1: 0x02 parts, 0x04 message ids); unknown bits are ignored
 */
public record DeviceInfo(int channel, int protocolVersion, int major, int minor, int build, int capabilities) {

    static DeviceInfo from(InitReply reply) {
        return new DeviceInfo(reply.channel(), reply.protocolVersion(), reply.major(), reply.minor(), reply.build(),
                reply.capabilities());
    }

    /** The device's version as "major.minor.build". */
    public String firmwareVersion() {
        return major + "." + minor + "." + build;
    }

    @Override
    public String toString() {
        return "DeviceInfo[channel=" + Channels.format(channel) + ", protocolVersion=" + protocolVersion
                + ", firmwareVersion=" + firmwareVersion() + ", capabilities=" + capabilities + "]";
    }
}
