package dev.hwbridge.daemon.transport.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.TransportException.Code;
import dev.hwbridge.protocol.ledger.Apdu;
import dev.hwbridge.protocol.ledger.ApduResponse;
import dev.hwbridge.protocol.ledger.LedgerFraming;
import dev.hwbridge.protocol.ledger.PolkadotGenericApp;
import dev.hwbridge.protocol.ledger.SpeculosFraming;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * What the daemon's Ledger transports read from a device that sends arbitrary bytes: Speculos's
 * TCP framing ({@link SpeculosChannel}) or HID reports ({@link HidApduTransport}), exchange after
 * exchange. Every exchange gives a reply that is exactly the bytes on the wire, or BAD_REPORT (a
 * length over the limit, a report out of place) or DEVICE_GONE (the device's bytes ended, mid-reply
 * too, as when an emulator stops); a Speculos channel that refused a reply is closed (the bus told once) and refuses
 * the next exchange as DEVICE_GONE. Lengths on the wire are bounded by the 65535-byte message.
 *
 * <p>The input's first byte picks the transport (low bit: 0 Speculos, 1 HID); the rest is what the
 * device sends.
 */
class LedgerTransportFuzzTest {

    /** More exchanges than any reply sequence of the app has (a sign of a 64 KiB payload aside). */
    private static final int EXCHANGES = 8;
    private static final Apdu APDU = PolkadotGenericApp.getVersion();

    @FuzzTest
    void anyBytesFromALedgerGiveTheirRepliesOrBadReportOrGone(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] wire = Arrays.copyOfRange(input, 1, input.length);
        if ((input[0] & 1) == 0) {
            speculos(wire);
        } else {
            hid(wire);
        }
    }

    private static void speculos(byte[] wire) {
        LedgerWires.SpeculosWire speculos = LedgerWires.speculos(wire);
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        int exchanges = 0;
        try {
            for (; exchanges < EXCHANGES; exchanges++) {
                ApduResponse reply = speculos.channel().exchange(APDU);
                assertThat(reply.data().length).isLessThanOrEqualTo(LedgerFraming.MAX_MESSAGE_SIZE);
                replies.writeBytes(SpeculosFraming.encodeReply(reply));
                assertThat(replies.toByteArray()).as("the replies are the wire's bytes")
                        .isEqualTo(Arrays.copyOf(wire, replies.size()));
            }
            speculos.channel().close();
        } catch (TransportException refused) {
            if (refused.code() == Code.DEVICE_GONE) {
                assertThat(speculos.socket().unread()).as("gone only when the stream ended").isZero();
            } else {
                assertThat(refused.code()).isEqualTo(Code.BAD_REPORT);
                assertThat(declaredLength(wire, replies.size())).as("a framing refusal is a length over the limit")
                        .isGreaterThan(LedgerFraming.MAX_MESSAGE_SIZE);
            }
            assertThat(speculos.socket().isClosed()).as("a refused reply closes the connection").isTrue();
            assertThat(speculos.alive()).isFalse();
            assertThatThrownBy(() -> speculos.channel().exchange(APDU))
                    .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo(Code.DEVICE_GONE));
        }
        assertThat(speculos.closes().get()).as("the bus hears of the close once").isEqualTo(1);
        byte[] request = SpeculosFraming.encodeRequest(APDU.encode());
        assertThat(speculos.socket().written()).as("one request per exchange tried")
                .hasSize(request.length * Math.min(exchanges + 1, EXCHANGES));
    }

    private static void hid(byte[] wire) {
        LedgerWires.HidWire hid = LedgerWires.hid(wire);
        int read = 0;
        try {
            for (int i = 0; i < EXCHANGES; i++) {
                ApduResponse reply = hid.transport().exchange(APDU);
                byte[] message = reply.encode();
                assertThat(message.length).isLessThanOrEqualTo(LedgerFraming.MAX_MESSAGE_SIZE);
                assertThat(message).as("the reply is the reports' data").isEqualTo(carried(wire, read, hid.channel().consumed()));
                read = hid.channel().consumed();
            }
        } catch (TransportException refused) {
            assertThat(refused.code()).isIn(Code.BAD_REPORT, Code.DEVICE_GONE);
            if (refused.code() == Code.DEVICE_GONE) {
                assertThat(hid.channel().consumed()).as("gone only when the reports ran out").isEqualTo(wire.length);
            }
        }
        hid.transport().close();
    }

    private static long declaredLength(byte[] wire, int at) {
        return ((wire[at] & 0xFFL) << 24) | ((wire[at + 1] & 0xFFL) << 16) | ((wire[at + 2] & 0xFFL) << 8)
                | (wire[at + 3] & 0xFFL);
    }

    /**
     * The message reports {@code [from, to)} of the wire carry, read independently of the
     * reassembler: the first report's length, then the data after each header, cut to that length.
     */
    private static byte[] carried(byte[] wire, int from, int to) {
        int length = ((wire[from + 5] & 0xFF) << 8) | (wire[from + 6] & 0xFF);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int at = from; at < to; at += LedgerFraming.REPORT_SIZE) {
            int dataAt = at == from ? 7 : 5;
            data.write(wire, at + dataAt, LedgerFraming.REPORT_SIZE - dataAt);
        }
        return Arrays.copyOf(data.toByteArray(), length);
    }
}
