package dev.hwbridge.daemon.device;

import dev.hwbridge.daemon.transport.DeviceChannel;
import dev.hwbridge.daemon.transport.TransportException;
import dev.hwbridge.protocol.client.ReportPort;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A transport's {@link DeviceChannel} seen as the protocol client's {@link ReportPort}. A
 * transport failure becomes an {@link IOException}; one that happened because the thread was
 * interrupted becomes an {@link InterruptedIOException}, so the client reports INTERRUPTED rather
 * than a lost device.
 */
final class ChannelReportPort implements ReportPort {

    private final DeviceChannel channel;

    ChannelReportPort(DeviceChannel channel) {
        this.channel = channel;
    }

    @Override
    public void write(byte[] report) throws IOException {
        try {
            channel.write(report);
        } catch (TransportException e) {
            throw asIo(e);
        }
    }

    @Override
    public Optional<byte[]> read(Duration timeout) throws IOException {
        try {
            return channel.read(timeout);
        } catch (TransportException e) {
            throw asIo(e);
        }
    }

    @Override
    public void close() {
        channel.close();
    }

    private static IOException asIo(TransportException failure) {
        if (Thread.currentThread().isInterrupted()) {
            InterruptedIOException interrupted = new InterruptedIOException(failure.getMessage());
            interrupted.initCause(failure);
            return interrupted;
        }
        return new IOException(failure.code() + ": " + failure.getMessage(), failure);
    }
}
