package dev.hwbridge.daemon.transport.ledger;

import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.protocol.ledger.Apdu;
import dev.hwbridge.protocol.ledger.ApduResponse;

/**
 * One open Ledger: an APDU out, its reply (data ‖ status word) back. The seam between the
 * Ledger's transports (HID reports, Speculos's TCP port) and the daemon's Polkadot app client.
 *
 * <p>One exchange at a time; {@link #close()} may be called from any thread and wakes a blocked
 * {@link #exchange}.
 */
public interface ApduTransport extends AutoCloseable {

    /**
     * Sends one APDU and waits for its reply, with no deadline: the Ledger answers a prompt only
     * when the user does.
     *
     * @throws TransportException DEVICE_GONE when the Ledger went away or the transport was
     *                            closed, BAD_REPORT when the reply breaks the framing, IO otherwise
     */
    ApduResponse exchange(Apdu apdu) throws TransportException;

    @Override
    void close();
}
