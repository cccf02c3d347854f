package dev.hwbridge.protocol.client;

import dev.hwbridge.protocol.client.DeviceClientException.Code;
import dev.hwbridge.protocol.framing.Channels;
import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.FrameCommand;
import dev.hwbridge.protocol.framing.FrameError;
import dev.hwbridge.protocol.framing.FramingException;
import dev.hwbridge.protocol.framing.HidFraming;
import dev.hwbridge.protocol.framing.InitReply;
import dev.hwbridge.protocol.framing.InitRequest;
import dev.hwbridge.protocol.framing.KeepaliveStatus;
import dev.hwbridge.protocol.framing.ReportWriter;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.MessageIds;
import dev.hwbridge.protocol.message.MessageException;
import dev.hwbridge.protocol.message.Messages;
import dev.hwbridge.protocol.message.Redaction;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The host end of the device protocol over any {@link ReportPort}: allocates a channel with INIT,
 * then runs one exchange at a time. Thread-safe: {@link #cancel()} and {@link #close()} may be
 * called from any thread while a call is pending; a second concurrent call fails with BUSY.
 *
 * <p>How a call ends:
 * <ul>
 *   <li>the device's final Response is returned, {@code Failure} included (the caller matches its
 *       code); interim Responses go to the {@code interim} consumer on the calling thread;</li>
 *   <li>after {@link #cancel()}: the device's {@code Failure{CANCELLED}} is thrown as CANCELLED; so
 *       is the device's silence once {@link CallOptions#cancelGrace()} has passed; a final reply
 *       other than that failure, sent before the device saw the CANCEL, is still returned;</li>
 *   <li>an ERROR frame: DEVICE_ERROR with its {@link FrameError}; the channel stays usable.
 *       INVALID_CHANNEL (the device forgot the channel) is handled once by allocating a fresh
 *       channel and sending the request again;</li>
 *   <li>silence for the idle timeout or the deadline passing: TIMEOUT; the client sends a CANCEL;</li>
 *   <li>the calling thread interrupted: INTERRUPTED, the client sends a CANCEL and sets the
 *       thread's interrupt status again;</li>
 *   <li>a port failure: DEVICE_GONE, and every later call fails the same way.</li>
 * </ul>
 * Late frames of an ended exchange may still arrive: after a TIMEOUT, INTERRUPTED, PROTOCOL_ERROR,
 * an unconfirmed cancel or an exception from a listener, and on a lossy link (UDP) even after a
 * normal reply, since a duplicated one-report reply cannot be told from a new one by the framing.
 * A device that announces message ids ({@link MessageIds#CAPABILITY}) keeps its channel for every
 * call that ended normally, as CTAPHID hosts do: each request carries a fresh {@code message_id},
 * and a Response with another id (or a frame of the other command) is a leftover and dropped, so
 * a minimal call is one request report and one reply report. After an abandoned exchange or an
 * ERROR frame (which carries no id) the next call first runs INIT on that same channel, which
 * clears what the device held there while the ids keep late copies recognisable. A device
 * without message ids gets INIT on the broadcast channel before every call and a fresh channel,
 * whose reader drops everything sent on the old one.
 */
public final class DeviceClient implements AutoCloseable {

    /** Reads wait at most this long, so interrupts and deadlines are seen even on a port that ignores interrupts. */
    private static final long POLL_SLICE_NANOS = Duration.ofMillis(100).toNanos();

    private final ReportPort port;
    private final Duration initTimeout;
    private final SecureRandom random;
    /** Guards writes to the port, and every change of a PendingCall's sending state. */
    private final Object writeLock = new Object();
    private final AtomicReference<PendingCall> pending = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile DeviceInfo info;
    /** The current channel has carried an exchange (or an abandoned one): allocate a new one before the next call. */
    private volatile boolean stale;
    private volatile boolean gone;
    /** The message_id of the latest request (PROTOCOL.md §4.1); guarded by {@code this}. */
    private int lastMessageId;

    private DeviceClient(ReportPort port, Duration initTimeout, SecureRandom random) {
        this.port = port;
        this.initTimeout = initTimeout;
        this.random = random;
    }

    /**
     * Allocates a channel: INIT on the broadcast channel with a random 8-byte nonce; replies that
     * echo another nonce (another host's) are ignored. The client owns the port from here on:
     * {@link #close()} closes it, and so does a failed open.
     *
     * @param initTimeout how long to wait for the INIT reply, now and whenever the client later
     *                    needs a fresh channel
     * @throws DeviceClientException TIMEOUT, DEVICE_GONE, INTERRUPTED, DEVICE_ERROR, or
     *                               PROTOCOL_ERROR (an INIT reply of the wrong size or allocating an invalid channel)
     */
    public static DeviceClient open(ReportPort port, Duration initTimeout) throws DeviceClientException {
        return open(port, initTimeout, new SecureRandom());
    }

    static DeviceClient open(ReportPort port, Duration initTimeout, SecureRandom random) throws DeviceClientException {
        Objects.requireNonNull(port, "port");
        CallOptions.requirePositive(initTimeout, "initTimeout");
        Objects.requireNonNull(random, "random");
        DeviceClient client = new DeviceClient(port, initTimeout, random);
        try {
            client.info = client.allocateChannel();
            return client;
        } catch (DeviceClientException e) {
            port.close();
            if (e.code() == Code.INTERRUPTED) {
                Thread.currentThread().interrupt();
            }
            throw e;
        } catch (RuntimeException e) {
            port.close();
            throw e;
        }
    }

    /** The channel and versions from the latest INIT reply (the channel changes when the client had to move, see the class comment). */
    public DeviceInfo deviceInfo() {
        return info;
    }

    /** {@link #call(Request, Consumer, CallOptions)} ignoring interim replies, with default options. */
    public Response call(Request request) throws DeviceClientException {
        return call(request, response -> { }, CallOptions.defaults());
    }

    /** {@link #call(Request, Consumer, CallOptions)} with default options. */
    public Response call(Request request, Consumer<Response> interim) throws DeviceClientException {
        return call(request, interim, CallOptions.defaults());
    }

    /**
     * Runs one exchange: sends {@code request} in a MSG frame and waits for the final Response
     * (see the class comment for every way it can end).
     *
     * @param interim told each ButtonRequest, Progress and InputRequest, in order, on the calling thread
     * @return the final Response: Features, PublicKey, Signature, EncryptedJson, Success or Failure
     * @throws DeviceClientException with any {@link Code}; INVALID_REQUEST and BUSY before anything is sent
     */
    public Response call(Request request, Consumer<Response> interim, CallOptions options) throws DeviceClientException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(interim, "interim");
        Objects.requireNonNull(options, "options");
        if (request.getBodyCase() == Request.BodyCase.CANCEL) {
            throw new DeviceClientException(Code.INVALID_REQUEST, "Request{cancel} gets no reply of its own; use cancel()");
        }
        int messageId = usesMessageIds() ? nextMessageId() : 0;
        Request stamped = messageId == 0 ? request : request.toBuilder().setMessageId(messageId).build();
        byte[] encoded;
        try {
            encoded = Messages.encode(stamped);
        } catch (MessageException e) {
            throw new DeviceClientException(Code.INVALID_REQUEST,
                    "cannot send " + Redaction.describe(request) + ": " + e.getMessage(), e);
        }
        try {
            return run(FrameCommand.MSG, encoded, options, (frame, call) -> finalResponse(frame, call, interim, messageId));
        } finally {
            // The request may carry a JSON file's password.
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /** {@link #ping(byte[], Duration)} with the default idle timeout. */
    public byte[] ping(byte[] data) throws DeviceClientException {
        return ping(data, CallOptions.DEFAULT_IDLE_TIMEOUT);
    }

    /**
     * Sends a PING and returns the device's echo.
     *
     * @param data    0..7609 bytes
     * @param timeout how long to wait for the echo
     * @throws DeviceClientException INVALID_REQUEST for more than 7609 bytes; PROTOCOL_ERROR if the
     *                               echo differs; otherwise as {@link #call(Request, Consumer, CallOptions)}
     */
    public byte[] ping(byte[] data, Duration timeout) throws DeviceClientException {
        Objects.requireNonNull(data, "data");
        CallOptions.requirePositive(timeout, "timeout");
        if (data.length > HidFraming.MAX_MESSAGE_SIZE) {
            throw new DeviceClientException(Code.INVALID_REQUEST,
                    "a PING carries at most " + HidFraming.MAX_MESSAGE_SIZE + " bytes, got " + data.length);
        }
        byte[] sent = data.clone();
        CallOptions options = CallOptions.defaults().withIdleTimeout(timeout).withDeadline(timeout);
        boolean lenient = usesMessageIds();
        return run(FrameCommand.PING, sent, options, (frame, call) -> echo(frame, call, sent, lenient));
    }

    /**
     * Cancels the call in progress, if any; does nothing otherwise. Sends a CANCEL frame on the
     * call's channel, after the request if that is being written (never in the middle of it); a
     * call whose request was not sent yet ends with CANCELLED without sending it. Blocks at most
     * while a request is written; never throws: a port failure here shows up in the pending call.
     */
    public void cancel() {
        synchronized (writeLock) {
            PendingCall call = pending.get();
            if (call == null || !call.requestCancel(System.nanoTime())) {
                return;
            }
            if (call.sent() && !call.ended()) {
                sendCancel(call);
            }
        }
    }

    /** Cancels a pending call, then closes the port; the pending call ends with DEVICE_GONE. Idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        cancel();
        gone = true;
        port.close();
    }

    @FunctionalInterface
    private interface Outcome<T> {
        /** The result if {@code frame} ends the exchange, empty if more frames are to come. */
        Optional<T> accept(Frame frame, PendingCall call) throws DeviceClientException;
    }

    private <T> T run(FrameCommand command, byte[] payload, CallOptions options, Outcome<T> outcome)
            throws DeviceClientException {
        if (Thread.currentThread().isInterrupted()) {
            // Checked before writing: an interrupt closes some ports (NIO channels) on the next write.
            throw new DeviceClientException(Code.INTERRUPTED, "the calling thread is interrupted; nothing was sent");
        }
        PendingCall call = new PendingCall(command);
        if (!pending.compareAndSet(null, call)) {
            throw new DeviceClientException(Code.BUSY, "another call is in progress on this device");
        }
        try {
            return attempts(call, payload, options, outcome);
        } catch (DeviceClientException e) {
            if (e.code() == Code.DEVICE_GONE) {
                gone = true;
            } else if (e.code() == Code.INTERRUPTED) {
                Thread.currentThread().interrupt();
            }
            throw e;
        } finally {
            // A copy of this exchange's last frames may still be on its way: only message ids
            // (and a clean end: no ERROR frame, which carries none) let the next call ignore it.
            if (!(call.answered() && usesMessageIds())) {
                stale = true;
            }
            pending.compareAndSet(call, null);
        }
    }

    private <T> T attempts(PendingCall call, byte[] payload, CallOptions options, Outcome<T> outcome)
            throws DeviceClientException {
        boolean retried = false;
        while (true) {
            if (gone) {
                throw goneException();
            }
            if (stale) {
                info = usesMessageIds() ? resynchronise() : allocateChannel();
                stale = false;
            }
            try {
                return attempt(call, payload, options, outcome);
            } catch (DeviceClientException e) {
                // The device no longer knows the channel (it restarted, or forgot old channels):
                // the request was refused before anything started, so it is safe to send again.
                boolean forgotten = e.frameError().filter(FrameError.INVALID_CHANNEL::equals).isPresent()
                        && call.framesReceived() == 0 && !call.cancelRequested();
                if (retried || !forgotten) {
                    throw e;
                }
                retried = true;
                stale = true;
            }
        }
    }

    private <T> T attempt(PendingCall call, byte[] payload, CallOptions options, Outcome<T> outcome)
            throws DeviceClientException {
        int channel = info.channel();
        ChannelReader reader = new ChannelReader(port, channel, usesMessageIds());
        try {
            send(call, new Frame(channel, call.command(), payload));
            reader.touch();
            return await(call, reader, options, outcome);
        } catch (DeviceClientException e) {
            if (e.code() != Code.DEVICE_GONE && call.started() && !call.ended()) {
                abandon(call, e);
            }
            throw e;
        } catch (RuntimeException e) {
            // Thrown by the caller's interim consumer or keepalive listener.
            abandon(call, e);
            throw e;
        }
    }

    private void send(PendingCall call, Frame request) throws DeviceClientException {
        synchronized (writeLock) {
            if (call.cancelRequested()) {
                throw new DeviceClientException(Code.CANCELLED, "cancelled before the request was sent");
            }
            call.beginAttempt(request.channel());
            // cancel() waits for the lock, so its CANCEL can only follow the whole request.
            writeLocked(request);
            call.markSent();
        }
    }

    private <T> T await(PendingCall call, ChannelReader reader, CallOptions options, Outcome<T> outcome)
            throws DeviceClientException {
        long idle = options.idleTimeout().toNanos();
        long grace = call.expectsCancelReply() ? options.cancelGrace().toNanos() : 0;
        long start = System.nanoTime();
        Optional<Long> deadline = options.deadline().map(d -> start + d.toNanos());
        while (true) {
            if (Thread.interrupted()) {
                throw new DeviceClientException(Code.INTERRUPTED, "interrupted while waiting for the device");
            }
            long now = System.nanoTime();
            long end = reader.lastActivity() + idle;
            if (call.cancelRequested()) {
                end = earlier(end, call.cancelRequestedAt() + grace);
            }
            if (deadline.isPresent()) {
                end = earlier(end, deadline.get());
            }
            long left = end - now;
            if (left <= 0) {
                throw expired(call, options, deadline, now);
            }
            Optional<Frame> frame = reader.poll(Duration.ofNanos(Math.min(left, POLL_SLICE_NANOS)));
            if (closed.get()) {
                // Whatever was still in flight, close() promised this call DEVICE_GONE.
                throw goneException();
            }
            if (frame.isEmpty()) {
                continue;
            }
            Frame received = frame.get();
            switch (received.command()) {
                case KEEPALIVE -> keepalive(received, options);
                case ERROR -> {
                    call.end();
                    throw DeviceClientException.deviceError(errorCode(received));
                }
                default -> {
                    Optional<T> result = outcome.accept(received, call);
                    if (result.isPresent()) {
                        return result.get();
                    }
                }
            }
            call.countFrame();
        }
    }

    private static DeviceClientException expired(PendingCall call, CallOptions options, Optional<Long> deadline,
                                                 long now) {
        if (call.cancelRequested()) {
            return new DeviceClientException(Code.CANCELLED, call.expectsCancelReply()
                    ? "cancelled; the device did not confirm within " + options.cancelGrace().toMillis() + " ms"
                    : "cancelled");
        }
        if (deadline.isPresent() && now - deadline.get() >= 0) {
            return new DeviceClientException(Code.TIMEOUT,
                    "no final reply within " + options.deadline().orElseThrow().toMillis() + " ms");
        }
        return new DeviceClientException(Code.TIMEOUT,
                "no report from the device for " + options.idleTimeout().toMillis() + " ms");
    }

    /** A KEEPALIVE counts as activity whatever it carries; only a status this version knows is passed on. */
    private static void keepalive(Frame frame, CallOptions options) {
        if (frame.length() == 1) {
            KeepaliveStatus.fromCode(frame.payload()[0]).ifPresent(options.keepalives());
        }
    }

    private static Optional<Response> finalResponse(Frame frame, PendingCall call, Consumer<Response> interim,
                                                    int messageId) throws DeviceClientException {
        if (frame.command() != FrameCommand.MSG) {
            if (messageId != 0) {
                // A PING echo of an earlier exchange on this reused channel.
                return Optional.empty();
            }
            throw unexpected(frame, "a MSG");
        }
        Response response;
        try {
            response = Messages.parseResponse(frame.payload());
        } catch (MessageException e) {
            throw new DeviceClientException(Code.PROTOCOL_ERROR,
                    "the device sent a Response that does not parse (" + e.code() + ")", e);
        }
        if (response.getMessageId() != messageId && messageId != 0) {
            // A reply to an earlier request, repeated or late. (Without ids in use, a device that
            // echoes them though it did not announce them is still answering this request.)
            return Optional.empty();
        }
        if (response.getMessageId() != 0) {
            // The id is the protocol's business: callers get the reply as the device meant it.
            response = response.toBuilder().clearMessageId().build();
        }
        if (!Messages.isFinal(response)) {
            interim.accept(response);
            return Optional.empty();
        }
        call.end();
        call.answer();
        if (call.cancelRequested() && response.hasFailure()
                && response.getFailure().getCode() == Failure.Code.CANCELLED) {
            throw new DeviceClientException(Code.CANCELLED, "cancelled; the device confirmed");
        }
        return Optional.of(response);
    }

    /** @param lenient the channel is reused: a MSG or another echo is a leftover of an earlier exchange */
    private static Optional<byte[]> echo(Frame frame, PendingCall call, byte[] sent, boolean lenient)
            throws DeviceClientException {
        if (frame.command() != FrameCommand.PING) {
            if (lenient) {
                return Optional.empty();
            }
            throw unexpected(frame, "a PING echo");
        }
        byte[] echoed = frame.payload();
        if (lenient && !Arrays.equals(echoed, sent)) {
            return Optional.empty();
        }
        call.end();
        call.answer();
        if (!Arrays.equals(echoed, sent)) {
            throw new DeviceClientException(Code.PROTOCOL_ERROR,
                    "the device echoed " + echoed.length + " bytes that differ from the " + sent.length + " sent");
        }
        return Optional.of(echoed);
    }

    private static DeviceClientException unexpected(Frame frame, String expected) {
        return new DeviceClientException(Code.PROTOCOL_ERROR,
                "expected " + expected + " on channel " + Channels.format(frame.channel()) + ", got " + frame.command());
    }

    private static FrameError errorCode(Frame frame) throws DeviceClientException {
        try {
            return frame.errorCode();
        } catch (FramingException e) {
            throw new DeviceClientException(Code.PROTOCOL_ERROR, "a malformed ERROR frame: " + e.getMessage(), e);
        }
    }

    /** Runs INIT on the broadcast channel and waits for the reply carrying this client's nonce. */
    private DeviceInfo allocateChannel() throws DeviceClientException {
        return init(HidFraming.BROADCAST_CHANNEL).orElseThrow();
    }

    /**
     * Runs INIT on the current channel (PROTOCOL.md §4.1): the device drops what it had
     * half-received there and abandons a request still running there, and the channel's message
     * ids go on, so late copies of earlier requests stay recognisable. A device that forgot the
     * channel gets a fresh one.
     */
    private DeviceInfo resynchronise() throws DeviceClientException {
        Optional<DeviceInfo> resynchronised = init(info.channel());
        return resynchronised.isPresent() ? resynchronised.get() : allocateChannel();
    }

    /**
     * Sends INIT with a fresh nonce on {@code channel} and waits for the reply carrying it.
     *
     * @return empty if the device answered a resynchronisation with INVALID_CHANNEL
     */
    private Optional<DeviceInfo> init(int channel) throws DeviceClientException {
        boolean broadcast = channel == HidFraming.BROADCAST_CHANNEL;
        InitRequest request = InitRequest.random(random);
        synchronized (writeLock) {
            writeLocked(request.toFrame(channel));
        }
        // On a used channel, frames of earlier exchanges may still come in; only the INIT reply counts.
        ChannelReader reader = new ChannelReader(port, channel, !broadcast);
        long end = System.nanoTime() + initTimeout.toNanos();
        while (true) {
            if (Thread.interrupted()) {
                throw new DeviceClientException(Code.INTERRUPTED, "interrupted while waiting for the INIT reply");
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new DeviceClientException(Code.TIMEOUT,
                        "no INIT reply within " + initTimeout.toMillis() + " ms");
            }
            Optional<Frame> frame = reader.poll(Duration.ofNanos(Math.min(left, POLL_SLICE_NANOS)));
            if (frame.isEmpty()) {
                continue;
            }
            Frame received = frame.get();
            if (received.command() == FrameCommand.ERROR) {
                FrameError error = errorCode(received);
                if (broadcast) {
                    throw DeviceClientException.deviceError(error);
                }
                if (error == FrameError.INVALID_CHANNEL) {
                    return Optional.empty();
                }
                // Any other ERROR on a used channel answered an earlier exchange's report.
                continue;
            }
            if (received.command() != FrameCommand.INIT) {
                // Broadcast traffic that is no INIT reply is not addressed to this client; on a
                // used channel it is a leftover of an earlier exchange.
                continue;
            }
            InitReply reply;
            try {
                reply = InitReply.from(received);
            } catch (FramingException e) {
                throw new DeviceClientException(Code.PROTOCOL_ERROR, "a malformed INIT reply: " + e.getMessage(), e);
            }
            if (reply.answers(request)) {
                return Optional.of(DeviceInfo.from(reply));
            }
        }
    }

    /**
     * Ends an exchange the device did not end: a CANCEL so the device returns to its idle screen,
     * and INIT before the next call. A failure to send the CANCEL is added to {@code primary}.
     */
    private void abandon(PendingCall call, Throwable primary) {
        stale = true;
        synchronized (writeLock) {
            if (call.sent()) {
                try {
                    if (!call.cancelSent() && call.expectsCancelReply()) {
                        call.markCancelSent();
                        writeLocked(Frame.cancel(call.channel()));
                    }
                } catch (DeviceClientException e) {
                    keepInterruptStatus(e);
                    primary.addSuppressed(e);
                }
            }
        }
    }

    /** Caller holds the write lock. */
    private void sendCancel(PendingCall call) {
        if (!call.expectsCancelReply() || call.cancelSent()) {
            return;
        }
        call.markCancelSent();
        try {
            writeLocked(Frame.cancel(call.channel()));
        } catch (DeviceClientException e) {
            // Nobody to throw to: a broken port (writeLocked marked the client gone) fails the
            // calling thread's next read too, and otherwise the cancel grace ends the call.
            keepInterruptStatus(e);
        }
    }

    /** Mapping a port failure cleared the thread's interrupt status; where that failure is not rethrown, set it again. */
    private static void keepInterruptStatus(DeviceClientException failure) {
        if (failure.code() == Code.INTERRUPTED) {
            Thread.currentThread().interrupt();
        }
    }

    /** Caller holds the write lock. */
    private void writeLocked(Frame frame) throws DeviceClientException {
        List<byte[]> reports = ReportWriter.write(frame);
        try {
            for (byte[] report : reports) {
                port.write(report);
            }
        } catch (IOException e) {
            DeviceClientException failure = DeviceClientException.fromPort(e);
            if (failure.code() == Code.DEVICE_GONE) {
                gone = true;
            }
            throw failure;
        } finally {
            // A MSG report may carry a JSON file's password.
            reports.forEach(report -> Arrays.fill(report, (byte) 0));
        }
    }

    private boolean usesMessageIds() {
        DeviceInfo current = info;
        return current != null && MessageIds.supported(current.capabilities());
    }

    private synchronized int nextMessageId() {
        lastMessageId = MessageIds.next(lastMessageId);
        return lastMessageId;
    }

    private DeviceClientException goneException() {
        return new DeviceClientException(Code.DEVICE_GONE, closed.get() ? "the client is closed" : "the device is gone");
    }

    private static long earlier(long a, long b) {
        return a - b <= 0 ? a : b;
    }
}
