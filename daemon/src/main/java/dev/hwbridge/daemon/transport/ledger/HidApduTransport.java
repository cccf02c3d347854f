package dev.hwbridge.daemon.transport.ledger;

import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.TransportException.Code;
import dev.hwbridge.protocol.ledger.Apdu;
import dev.hwbridge.protocol.ledger.ApduResponse;
import dev.hwbridge.protocol.ledger.LedgerException;
import dev.hwbridge.protocol.ledger.LedgerFraming;
import dev.hwbridge.protocol.ledger.LedgerReassembler;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * APDUs over a Ledger's HID interface: each APDU is cut into 64-byte reports on channel 0x0101
 * (tag 0x05, sequence from 0, the first report carrying the length), and the reply is reassembled
 * from the reports that come back (PROTOCOL.md §12.1). The channel is the HID bus's own, so hid4java
 * stays behind one seam for both kinds of device.
 */
public final class HidApduTransport implements ApduTransport {

    /** How long one read waits before looking again; a reply may take as long as the user does. */
    static final Duration READ_SLICE = Duration.ofMillis(500);

    private final DeviceChannel channel;

    public HidApduTransport(DeviceChannel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    @Override
    public ApduResponse exchange(Apdu apdu) throws TransportException {
        for (byte[] report : LedgerFraming.write(apdu.encode())) {
            channel.write(report);
        }
        LedgerReassembler reply = new LedgerReassembler(LedgerFraming.MAX_MESSAGE_SIZE);
        try {
            while (true) {
                Optional<byte[]> report = channel.read(READ_SLICE);
                if (report.isEmpty()) {
                    continue;
                }
                Optional<byte[]> message = reply.accept(report.get());
                if (message.isPresent()) {
                    return ApduResponse.decode(message.get());
                }
            }
        } catch (LedgerException e) {
            throw new TransportException(Code.BAD_REPORT, "the Ledger's reply breaks the HID framing: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        channel.close();
    }
}
