package dev.hwbridge.daemon.security;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One TCP connection to the daemon on loopback, spoken byte by byte: HTTP requests written as
 * text, and WebSocket frames built by hand (masked, any length declared), so a test can send
 * what no well-behaved client library would. Not thread-safe.
 */
final class RawConnection implements AutoCloseable {

    static final int OPCODE_CONTINUATION = 0x0;
    static final int OPCODE_TEXT = 0x1;
    static final int OPCODE_CLOSE = 0x8;
    static final int OPCODE_PING = 0x9;
    static final int OPCODE_PONG = 0xA;

    /** A frame the server sent: its opcode and payload (servers never mask). */
    record Frame(boolean fin, int opcode, byte[] payload) {

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The status of a close frame; 1005 when it carries none. */
        int closeStatus() {
            return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static RawConnection open(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        socket.setTcpNoDelay(true);
        return new RawConnection(socket);
    }

    /**
     * A WebSocket handshake request for {@code /} with these extra headers (insertion order kept;
     * a null value leaves the header out), e.g. {@code Host} and {@code Origin}.
     */
    static String handshake(Map<String, String> headers) {
        StringBuilder request = new StringBuilder("GET / HTTP/1.1\r\n");
        headers.forEach((name, value) -> {
            if (value != null) {
                request.append(name).append(": ").append(value).append("\r\n");
            }
        });
        request.append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        return request.toString();
    }

    /** Opens a connection and upgrades it with {@code Host: 127.0.0.1:port}; fails unless 101. */
    static RawConnection webSocket(int port) throws IOException {
        RawConnection connection = open(port);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "127.0.0.1:" + port);
        connection.write(handshake(headers));
        String head = connection.readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            connection.close();
            throw new IOException("the handshake was refused: " + head.lines().findFirst().orElse(""));
        }
        return connection;
    }

    void write(String ascii) throws IOException {
        write(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The status line and headers of the next response (up to and including the blank line). */
    String readHead() throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** The next whole response: head and a Content-Length body. */
    String readResponse() throws IOException {
        String head = readHead();
        int length = 0;
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                length = Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /**
     * Reads until the server closes the connection or {@code limit} passes, discarding data.
     *
     * @return true if the server closed (end of stream or reset) within {@code limit}
     */
    boolean closedByPeerWithin(Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        byte[] sink = new byte[8192];
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
                try {
                    if (in.read(sink) < 0) {
                        return true;
                    }
                } catch (SocketTimeoutException e) {
                    return false;
                }
            }
        } catch (SocketException e) {
            // A reset is a close too.
            return true;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            }
        }
    }

    /** Sends one frame, masked with the all-zero key (see {@link #sendFrameHeader}). */
    void sendFrame(boolean fin, int opcode, byte[] payload) throws IOException {
        sendFrameHeader(fin, opcode, payload.length, payload);
    }

    void sendText(String text) throws IOException {
        sendFrame(true, OPCODE_TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends a frame header declaring {@code length} payload bytes, then {@code payload}. The mask
     * bit is set with the all-zero key, which leaves the payload as it is: RFC 6455 wants the key
     * unpredictable for the sake of proxies, and the server only checks that frames are masked.
     * With a payload shorter than {@code length} this declares a frame whose body never comes.
     */
    void sendFrameHeader(boolean fin, int opcode, long length, byte[] payload) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(14);
        header.put((byte) ((fin ? 0x80 : 0) | opcode));
        if (length < 126) {
            header.put((byte) (0x80 | length));
        } else if (length <= 0xFFFF) {
            header.put((byte) (0x80 | 126));
            header.putShort((short) length);
        } else {
            header.put((byte) (0x80 | 127));
            header.putLong(length);
        }
        header.putInt(0);
        out.write(header.array(), 0, header.position());
        out.write(payload);
        out.flush();
    }

    /** The next frame from the server. */
    Frame readFrame() throws IOException {
        int first = readByte();
        int second = readByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = (readByte() << 8) | readByte();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte();
            }
        }
        if ((second & 0x80) != 0) {
            throw new IOException("the server masked a frame");
        }
        if (length > 64 << 20) {
            throw new IOException("a server frame of " + length + " bytes");
        }
        byte[] payload = in.readNBytes((int) length);
        if (payload.length != length) {
            throw new EOFException("the connection ended inside a frame");
        }
        return new Frame((first & 0x80) != 0, first & 0x0F, payload);
    }

    /** Reads frames until a close frame, answering nothing; returns its status. */
    int awaitCloseStatus() throws IOException {
        while (true) {
            Frame frame = readFrame();
            if (frame.opcode() == OPCODE_CLOSE) {
                return frame.closeStatus();
            }
        }
    }

    /** Sends a close frame with {@code status}, as a polite client answers the server's. */
    void sendClose(int status) throws IOException {
        sendFrame(true, OPCODE_CLOSE, new byte[] {(byte) (status >> 8), (byte) status});
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code count} bytes of one ASCII character. */
    static byte[] filler(int count, char c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(count);
        for (int i = 0; i < count; i++) {
            bytes.write(c);
        }
        return bytes.toByteArray();
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the connection ended");
        }
        return b;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
