package dev.hwbridge.daemon.transport.ledger;

import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.daemon.transport.DeviceDescriptor;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.daemon.transport.TransportException.Code;
import dev.hwbridge.protocol.ledger.Apdu;
import dev.hwbridge.protocol.ledger.ApduResponse;
import dev.hwbridge.protocol.ledger.LedgerException;
import dev.hwbridge.protocol.ledger.LedgerFraming;
import dev.hwbridge.protocol.ledger.SpeculosFraming;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One TCP connection to Speculos's APDU port (or the simulator's Ledger personality):
 * {@code length(4, BE) ‖ APDU} out, {@code length(4, BE) ‖ data ‖ SW} back (PROTOCOL.md §12.4).
 * It is a {@link DeviceChannel} only so that the bus can hand it out as every bus does; it speaks
 * APDUs, not 64-byte reports, and refuses {@link #write} and {@link #read}.
 */
public final class SpeculosChannel implements DeviceChannel, ApduTransport {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final DeviceDescriptor descriptor;
    private final Consumer<SpeculosChannel> onClose;
    /** One exchange at a time, and no liveness check during one. */
    private final ReentrantLock exchanging = new ReentrantLock();
    private volatile boolean closed;

    SpeculosChannel(Socket socket, DeviceDescriptor descriptor, Consumer<SpeculosChannel> onClose) throws IOException {
        this.socket = Objects.requireNonNull(socket, "socket");
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    @Override
    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ApduResponse exchange(Apdu apdu) throws TransportException {
        exchanging.lock();
        try {
            requireOpen();
            socket.setSoTimeout(0);
            out.write(SpeculosFraming.encodeRequest(apdu.encode()));
            out.flush();
            return SpeculosFraming.readReply(in, LedgerFraming.MAX_MESSAGE_SIZE);
        } catch (LedgerException e) {
            close();
            if (e.getCause() instanceof EOFException) {
                // The emulator stopped mid-reply: it went away, as an unplugged Ledger does.
                throw new TransportException(Code.DEVICE_GONE, "the APDU port at " + descriptor.path()
                        + " closed mid-reply", e);
            }
            throw new TransportException(Code.BAD_REPORT, "the APDU port's reply breaks the framing: " + e.getMessage(), e);
        } catch (IOException e) {
            close();
            throw new TransportException(Code.DEVICE_GONE, "the APDU port at " + descriptor.path() + " went away: " + e.getMessage(), e);
        } finally {
            exchanging.unlock();
        }
    }

    /**
     * Whether the other end is still there, looked at between exchanges: a Ledger emulator that
     * stopped closes its end, which shows as the end of the stream. Skipped (true) during an exchange.
     */
    boolean isAlive() {
        if (closed) {
            return false;
        }
        if (!exchanging.tryLock()) {
            return true;
        }
        try {
            socket.setSoTimeout(1);
            int next = in.read();
            if (next < 0) {
                close();
                return false;
            }
            // A byte nobody asked for breaks the framing of the next reply.
            close();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            close();
            return false;
        } finally {
            exchanging.unlock();
        }
    }

    @Override
    public void write(byte[] report) throws TransportException {
        throw new TransportException(Code.IO, "a Speculos APDU port takes APDUs, not reports");
    }

    @Override
    public Optional<byte[]> read(Duration timeout) throws TransportException {
        throw new TransportException(Code.IO, "a Speculos APDU port answers APDUs, not reports");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all that is left to do with this socket; the next open makes a new one.
        }
        onClose.accept(this);
    }

    private void requireOpen() throws TransportException {
        if (closed) {
            throw new TransportException(Code.DEVICE_GONE, "the connection to " + descriptor.path() + " is closed");
        }
    }
}
