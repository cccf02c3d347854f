package dev.hwbridge.simulator.ledger;

import dev.hwbridge.protocol.ledger.ApduResponse;
import dev.hwbridge.protocol.ledger.LedgerException;
import dev.hwbridge.protocol.ledger.SpeculosFraming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speculos's APDU port on 127.0.0.1 (PROTOCOL.md §12.4): {@code length(4, BE) ‖ APDU} in,
 * {@code length(4, BE) ‖ data ‖ SW} out. Any number of hosts may connect; exchanges are served
 * one at a time, as a Ledger serves them. A request over 260 bytes (an APDU's 5-byte header and
 * 255 bytes of data) closes that connection. Each reply is written in one piece: Speculos's JS
 * transport reads a reply from a single TCP read.
 */
public final class ApduServer implements AutoCloseable {

    /** The longest APDU: CLA INS P1 P2 Lc and 255 bytes of data. */
    public static final int MAX_APDU = 5 + 255;

    private static final Logger LOG = LoggerFactory.getLogger(ApduServer.class);

    private final ServerSocket server;
    private final Function<byte[], ApduResponse> device;
    private final ReentrantLock oneExchange = new ReentrantLock();
    /** Open connections, closed with the server as a stopped Speculos closes them. */
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private ApduServer(ServerSocket server, Function<byte[], ApduResponse> device) {
        this.server = server;
        this.device = device;
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port) and answers with {@code device}. */
    public static ApduServer start(int port, Function<byte[], ApduResponse> device) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        ApduServer server = new ApduServer(socket, device);
        Thread acceptor = new Thread(server::acceptLoop, "ledger-apdu-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    public int port() {
        return server.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                clients.add(client);
                if (closed) {
                    client.close();
                    return;
                }
                Thread thread = new Thread(() -> serve(client), "ledger-apdu-" + client.getPort());
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("the APDU port stopped accepting: {}", e.getMessage());
                }
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            client.setTcpNoDelay(true);
            while (!closed) {
                Optional<byte[]> request = SpeculosFraming.readRequest(in, MAX_APDU);
                if (request.isEmpty()) {
                    return;
                }
                ApduResponse reply;
                oneExchange.lock();
                try {
                    reply = device.apply(request.get());
                } finally {
                    oneExchange.unlock();
                }
                out.write(SpeculosFraming.encodeReply(reply));
                out.flush();
            }
        } catch (LedgerException e) {
            LOG.info("closing an APDU connection: {}", e.getMessage());
        } catch (SocketException e) {
            LOG.debug("an APDU connection ended: {}", e.getMessage());
        } catch (IOException e) {
            LOG.info("an APDU connection failed: {}", e.getMessage());
        } finally {
            clients.remove(client);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
