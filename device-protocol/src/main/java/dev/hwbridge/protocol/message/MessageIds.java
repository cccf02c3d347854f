package dev.hwbridge.protocol.message;

/**
 * Message ids (PROTOCOL.md §4.1): a device that sets {@link #CAPABILITY} in its INIT reply copies
 * a Request's {@code message_id} into every Response of that exchange, so a host can keep one
 * channel for all its exchanges and still tell a late or repeated reply of an earlier exchange
 * (UDP may repeat a datagram) from the answer to its current request.
 */
public final class MessageIds {

    /** The INIT reply's capability bit of a device that echoes message ids. */
    public static final int CAPABILITY = 0x04;

    private MessageIds() {
    }

    /** Whether a device with these INIT capability flags echoes message ids. */
    public static boolean supported(int capabilities) {
        return (capabilities & CAPABILITY) != 0;
    }

    /** The id after {@code id}: 1, 2, … 2³²−1, then 1 again; 0 is "no id" and never used. */
    public static int next(int id) {
        int next = id + 1;
        return next == 0 ? 1 : next;
    }
}
