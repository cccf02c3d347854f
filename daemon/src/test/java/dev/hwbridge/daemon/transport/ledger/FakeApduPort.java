package dev.hwbridge.daemon.transport.ledger;

import dev.hwbridge.protocol.ledger.Apdu;
import dev.hwbridge.protocol.ledger.ApduResponse;
import dev.hwbridge.protocol.ledger.SpeculosFraming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A Speculos-style APDU port on loopback answering with a function; records the APDUs it got. */
public final class FakeApduPort implements AutoCloseable {

    private final ServerSocket server;
    private final Function<Apdu, ApduResponse> device;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    public final List<Apdu> received = new CopyOnWriteArrayList<>();

    public FakeApduPort(Function<Apdu, ApduResponse> device) throws IOException {
        this.device = device;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fake-apdu-port");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                Thread thread = new Thread(() -> serve(client), "fake-apdu-client");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            while (true) {
                Optional<byte[]> request = SpeculosFraming.readRequest(in, 260);
                if (request.isEmpty()) {
                    return;
                }
                Apdu apdu = Apdu.decode(request.get());
                received.add(apdu);
                out.write(SpeculosFraming.encodeReply(device.apply(apdu)));
                out.flush();
            }
        } catch (Exception e) {
            // The test closed the port, or the daemon side went away: nothing more to serve.
        }
    }

    /** Stops listening and drops every connection, as a stopped emulator does. */
    @Override
    public void close() throws IOException {
        server.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
