package dev.hwbridge.daemon.transport.hid;

import static dev.hwbridge.daemon.transport.ChannelAssertions.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.TransportException.Code;
import dev.hwbridge.daemon.transport.ledger.HidApduTransport;
import dev.hwbridge.protocol.ledger.Apdu;
import dev.hwbridge.protocol.ledger.ApduResponse;
import dev.hwbridge.protocol.ledger.PolkadotGenericApp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hid4java.HidDevice;
import org.junit.jupiter.api.Test;

/** A Ledger's APDUs through the HID bus's channel, hid4java mocked: the bytes on the wire. */
class HidLedgerApduTest {

    private static final DeviceDescriptor LEDGER =
            new DeviceDescriptor("hid:00aa", "hid", 0x2C97, 0x5011, "Nano S Plus", "0001");

    private final HidDevice device = mock(HidDevice.class);
    private final HidApduTransport transport =
            new HidApduTransport(new HidChannel(device, LEDGER, () -> true, closed -> { }));
    private final List<byte[]> written = new ArrayList<>();
    private final ArrayDeque<byte[]> replies = new ArrayDeque<>();

    private void wire() {
        when(device.write(any(byte[].class), anyInt(), any(Byte.class))).thenAnswer(call -> {
            written.add(((byte[]) call.getArgument(0)).clone());
            return 65;
        });
        when(device.read(any(byte[].class), anyInt())).thenAnswer(call -> {
            byte[] next = replies.poll();
            if (next == null) {
                return 0;
            }
            System.arraycopy(next, 0, (byte[]) call.getArgument(0), 0, 64);
            return 64;
        });
    }

    @Test
    void getVersionIsOneReportOnChannel0101AndItsReplyEndsWithTheStatusWord() throws TransportException {
        wire();
        replies.add(report("0101050000000700010203009000"));

        ApduResponse reply = transport.exchange(PolkadotGenericApp.getVersion());

        assertThat(written).singleElement().isEqualTo(report("0101050000" + "0005" + "f900000000"));
        assertThat(reply.statusWord()).isEqualTo(0x9000);
        assertThat(reply.data()).isEqualTo(HexFormat.of().parseHex("0001020300"));
    }

    @Test
    void aLongApduIsCutIntoSequencedReportsAndALongReplyIsJoined() throws TransportException {
        wire();
        byte[] data = new byte[100];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        // 105 bytes: 57 in the first report, 48 in the second.
        replies.add(report("0101050000" + "0046" + "00".repeat(57)));
        replies.add(report("0101050001" + "00".repeat(11) + "9000"));

        ApduResponse answer = transport.exchange(new Apdu(0xF9, 0x02, 1, 0, data));

        assertThat(written).hasSize(2);
        assertThat(HexFormat.of().formatHex(written.get(0), 0, 7)).isEqualTo("01010500000069");
        assertThat(HexFormat.of().formatHex(written.get(1), 0, 5)).isEqualTo("0101050001");
        assertThat(answer.data()).hasSize(68);
        assertThat(answer.statusWord()).isEqualTo(0x9000);
    }

    @Test
    void aReplyOnAnotherChannelIsABadReport() {
        wire();
        replies.add(report("02020500000002" + "9000"));

        assertThatThrownBy(() -> transport.exchange(PolkadotGenericApp.getVersion()))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo(Code.BAD_REPORT));
    }
}
