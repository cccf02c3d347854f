package dev.hwbridge.bench.bridge;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * The hostile mix of issue 13 against a running daemon, while the caller samples its memory: a
 * {@code chain.addMetadata} message of 1.4 MB three quarters sent (in flight), 250 connections
 * each parking an unfinished 1 MiB frame (most are turned away: 503, 1013), and 8 connections
 * pinging devices 32 calls at a time for a few seconds. Then the large message is finished and
 * must be answered. Raw sockets, frames built by hand: no client library would send this.
 */
final class HostileMix {

    static final String METADATA = "src/vectors/metadata/polkadot-v15.scale.gz";
    private static final String POLKADOT_GENESIS = "0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3";
    private static final int LARGE_MESSAGE_BYTES = 1_400_000;
    private static final int PARKERS = 250;
    private static final int PINGERS = 8;
    private static final int PIPELINE = 32;
    private static final long PING_NANOS = 5_000_000_000L;

    private HostileMix() {
    }

    /** Runs the mix; returns once the large message has its answer (which it throws without). */
    static void run(URI daemon, List<String> deviceIds) throws IOException, InterruptedException {
        int port = daemon.getPort();
        List<Socket> sockets = new ArrayList<>();
        try {
            List<Socket> pingers = new ArrayList<>();
            for (int i = 0; i < PINGERS; i++) {
                pingers.add(upgraded(port, sockets));
            }
            byte[] large = largeMessage();
            Socket big = upgraded(port, sockets);
            int firstPart = large.length * 3 / 4;
            OutputStream bigOut = big.getOutputStream();
            bigOut.write(header(large.length));
            bigOut.write(large, 0, firstPart);
            bigOut.flush();

            byte[] half = new byte[512 * 1024];
            Arrays.fill(half, (byte) ' ');
            for (int i = 0; i < PARKERS; i++) {
                try {
                    Socket parker = open(port, sockets);
                    if (head(parker).startsWith("HTTP/1.1 101")) {
                        parker.getOutputStream().write(header(1 << 20));
                        parker.getOutputStream().write(half);
                        parker.getOutputStream().flush();
                    }
                } catch (IOException e) {
                    // Turned away (503, 1013, closed): what the caps are for.
                }
            }

            AtomicInteger answered = new AtomicInteger();
            long until = System.nanoTime() + PING_NANOS;
            List<Thread> threads = new ArrayList<>();
            for (Socket pinger : pingers) {
                Thread thread = new Thread(() -> ping(pinger, deviceIds, until, answered), "hostile-ping");
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            bigOut.write(large, firstPart, large.length - firstPart);
            bigOut.flush();
            String reply = readText(big.getInputStream());
            if (!reply.contains("\"metadataHash\"")) {
                throw new IOException("chain.addMetadata was not answered: " + reply.substring(0, Math.min(200, reply.length())));
            }
            System.err.printf("bench: hostile mix: %d pings answered, the large message answered%n", answered.get());
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static void ping(Socket socket, List<String> deviceIds, long until, AtomicInteger answered) {
        try {
            while (System.nanoTime() < until) {
                for (int i = 0; i < PIPELINE; i++) {
                    frame(socket.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"device.ping\","
                            + "\"params\":{\"device\":\"" + deviceIds.get(i % deviceIds.size()) + "\"}}");
                }
                for (int i = 0; i < PIPELINE; i++) {
                    readText(socket.getInputStream());
                    answered.incrementAndGet();
                }
            }
        } catch (IOException e) {
            System.err.println("bench: hostile mix: a pinger stopped: " + e);
        }
    }

    /** Today's chains give 1.0–1.4 MB; this vector is smaller, so JSON whitespace makes up 1.4 MB. */
    private static byte[] largeMessage() throws IOException {
        byte[] metadata;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(METADATA)))) {
            metadata = in.readAllBytes();
        }
        String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain.addMetadata\",\"params\":{\"genesisHash\":\""
                + POLKADOT_GENESIS + "\",\"metadata\":\"0x" + HexFormat.of().formatHex(metadata)
                + "\",\"tokenDecimals\":10,\"tokenSymbol\":\"DOT\"}";
        return (call + " ".repeat(Math.max(0, LARGE_MESSAGE_BYTES - call.length() - 1)) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Socket open(int port, List<Socket> sockets) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        sockets.add(socket);
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        return socket;
    }

    private static Socket upgraded(int port, List<Socket> sockets) throws IOException {
        Socket socket = open(port, sockets);
        String head = head(socket);
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("the handshake was refused: " + head.lines().findFirst().orElse(""));
        }
        return socket;
    }

    private static String head(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        int c;
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            if ((c = in.read()) < 0) {
                throw new EOFException("closed during the handshake");
            }
            head.append((char) c);
        }
        return head.toString();
    }

    /** A masked text frame's header (mask key 0, so the payload goes as it is). */
    private static byte[] header(long length) {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(0x81);
        if (length < 126) {
            header.write(0x80 | (int) length);
        } else if (length < 65536) {
            header.write(0x80 | 126);
            header.write((int) (length >> 8));
            header.write((int) length);
        } else {
            header.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                header.write((int) (length >> (8 * i)));
            }
        }
        header.writeBytes(new byte[4]);
        return header.toByteArray();
    }

    private static void frame(OutputStream out, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        out.write(header(payload.length));
        out.write(payload);
        out.flush();
    }

    private static String readText(InputStream in) throws IOException {
        int b0 = in.read();
        int b1 = in.read();
        if (b0 < 0 || b1 < 0) {
            throw new EOFException("the connection ended");
        }
        long length = b1 & 0x7F;
        if (length == 126) {
            length = (in.read() << 8) | in.read();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | in.read();
            }
        }
        byte[] payload = in.readNBytes((int) length);
        if ((b0 & 0x0F) == 0x8) {
            throw new EOFException("closed by the daemon");
        }
        return new String(payload, StandardCharsets.UTF_8);
    }
}
