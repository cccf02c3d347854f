package dev.hwbridge.bench.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A wallet's WebSocket connection to the daemon that calls {@code device.ping} on one device, one
 * call at a time, and checks each answer: the right id and the echo.
 *
 * <p>Written on a blocking socket (RFC 6455 by hand: the upgrade, masked frames out, frames in),
 * so the calling thread itself writes the request and reads the answer. A client library with
 * its own I/O thread (the JDK's {@code java.net.http.WebSocket}) adds two thread hand-offs per
 * call, about 100 µs here, which would be counted as the daemon's overhead. Not thread-safe.
 */
final class PingClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_MILLIS = 30_000;
    private static final int MAX_MESSAGE = 1 << 20;

    private final String device;
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private long nextId;

    private PingClient(String device, Socket socket) throws IOException {
        this.device = device;
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /** A connection whose {@link #ping()} pings {@code device} (an id from {@code device.list}). */
    static PingClient connect(URI daemon, String device) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(daemon.getHost(), daemon.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            PingClient client = new PingClient(device, socket);
            client.upgrade(daemon);
            return client;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** One {@code device.ping} round trip; throws unless the daemon answered it with the device's echo. */
    void ping() throws IOException {
        JsonNode result = call("device.ping", "{\"device\":\"" + device + "\",\"data\":\"0x01\"}");
        if (!"0x01".equals(result.path("data").asText(null))) {
            throw new IOException("device.ping on device " + device + " answered " + result);
        }
    }

    /** One call; its result, or an IOException naming the error the daemon answered. */
    JsonNode call(String method, String paramsJson) throws IOException {
        long id = ++nextId;
        sendText("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
        JsonNode response = JSON.readTree(readText());
        while (!response.has("id") && response.has("method")) {
            // A notification (device.prompt while the device asks the user): not the answer.
            response = JSON.readTree(readText());
        }
        if (response.path("id").asLong() != id || !response.has("result")) {
            throw new IOException(method + " (id " + id + ") answered " + response);
        }
        return response.get("result");
    }

    @Override
    public void close() {
        try (socket) {
            writeFrame(0x8, new byte[] {0x03, (byte) 0xE8});
        } catch (IOException e) {
            // Closing anyway; the daemon sees the socket go.
        }
    }

    private void upgrade(URI daemon) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET " + daemon.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + daemon.getHost() + ":" + daemon.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = readLine(in);
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("the daemon refused the WebSocket upgrade: " + status);
        }
        while (!readLine(in).isEmpty()) {
            // The other response headers.
        }
    }

    private void sendText(String text) throws IOException {
        writeFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** One final, masked frame (a client must mask). */
    private void writeFrame(int opcode, byte[] payload) throws IOException {
        out.write(0x80 | opcode);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else if (payload.length <= 0xFFFF) {
            out.write(0x80 | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length);
        } else {
            throw new IOException("a request of " + payload.length + " bytes is beyond this bench client");
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        out.write(mask);
        byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        out.write(masked);
        out.flush();
    }

    /** The next text message, its continuation frames joined; pings are answered, pongs skipped. */
    private String readText() throws IOException {
        byte[] message = new byte[0];
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            if ((second & 0x80) != 0 || length < 0 || length > MAX_MESSAGE - message.length) {
                throw new IOException("a frame the daemon must not send (masked, or over " + MAX_MESSAGE + " bytes)");
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            int opcode = first & 0x0F;
            if (opcode == 0x8) {
                throw new IOException("the daemon closed the connection");
            } else if (opcode == 0x9) {
                writeFrame(0xA, payload);
            } else if (opcode == 0x1 || opcode == 0x0) {
                byte[] joined = new byte[message.length + payload.length];
                System.arraycopy(message, 0, joined, 0, message.length);
                System.arraycopy(payload, 0, joined, message.length, payload.length);
                message = joined;
                if ((first & 0x80) != 0) {
                    return new String(message, StandardCharsets.UTF_8);
                }
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0 || line.length() > 8192) {
                throw new IOException("the daemon's HTTP response ended early");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
