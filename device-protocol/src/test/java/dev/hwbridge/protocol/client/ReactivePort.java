package dev.hwbridge.protocol.client;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A single-threaded fake port: every report written may queue answers (computed by a
 * responder), which reads then return in order. When nothing is queued a read fails as an
 * unplugged device does, so a test never waits for a timeout.
 */
final class ReactivePort implements ReportPort {

    private final Function<byte[], List<byte[]>> responder;
    private final Deque<byte[]> inbox = new ArrayDeque<>();
    private final List<byte[]> written = new ArrayList<>();
    private boolean closed;

    ReactivePort(Function<byte[], List<byte[]>> responder) {
        this.responder = responder;
    }

    @Override
    public synchronized void write(byte[] report) throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        byte[] copy = report.clone();
        written.add(copy);
        inbox.addAll(responder.apply(copy));
    }

    @Override
    public synchronized Optional<byte[]> read(Duration timeout) throws IOException {
        if (closed || inbox.isEmpty()) {
            throw new IOException("no more reports");
        }
        return Optional.of(inbox.poll());
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    synchronized List<byte[]> written() {
        return List.copyOf(written);
    }

    synchronized boolean isClosed() {
        return closed;
    }
}
