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
import dev.hwbridge.protocol.message.MessageException;
import dev.hwbridge.protocol.message.MessageIds;
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
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The host end of the device protocol over a {@link ReportLink}, driven by events: a call that
 * waits for the device (a prompt may take minutes) holds no thread, only its state here. Reports,
 * timers, call starts, cancels and close all run on one executor given to the client (a Netty
 * event loop suits), which alone touches the client's state, so nothing is locked. The future of
 * a call completes on that executor; whoever chains onto it must not block there.
 *
 * <p>The protocol is {@link DeviceClient}'s (its class comment is the specification; it is this
 * client with a blocking face): INIT on the broadcast channel to open; one exchange at a time (a
 * second call fails with BUSY); with message ids the channel is kept and resynchronised with INIT
 * on itself after an ERROR or an abandoned exchange; without, a fresh channel before each call;
 * INVALID_CHANNEL answered by moving once; leftovers dropped; CANCEL never inside a request.
 * Interim replies and KEEPALIVE statuses are handed over on the executor.
 */
public final class AsyncDeviceClient {

    private final ReportLink link;
    private final ScheduledExecutorService executor;
    private final Duration initTimeout;
    private final SecureRandom random;
    /** Written on the executor, read anywhere. */
    private volatile DeviceInfo info;

    // Confined to the executor.
    private boolean stale;
    private boolean gone;
    private boolean closed;
    private int lastMessageId;
    private Exchange<?> current;
    private Wait waiting;
    private ScheduledFuture<?> wake;
    private long wakeAt;

    private AsyncDeviceClient(ReportLink link, ScheduledExecutorService executor, Duration initTimeout,
                              SecureRandom random) {
        this.link = link;
        this.executor = executor;
        this.initTimeout = initTimeout;
        this.random = random;
    }

    /**
     * Starts the link and allocates a channel: INIT on the broadcast channel with a random 8-byte
     * nonce; replies that echo another nonce (another host's) are ignored. The client owns the
     * link from here on: {@link #close()} closes it, and so does a failed open.
     *
     * @param executor    runs everything the client does; one thread at a time
     * @param initTimeout how long to wait for an INIT reply, now and whenever the client needs one
     * @return completes with the open client, or with a {@link DeviceClientException}: TIMEOUT,
     *         DEVICE_GONE, DEVICE_ERROR or PROTOCOL_ERROR
     */
    public static CompletableFuture<AsyncDeviceClient> open(ReportLink link, ScheduledExecutorService executor,
                                                            Duration initTimeout) {
        return open(link, executor, initTimeout, new SecureRandom());
    }

    static CompletableFuture<AsyncDeviceClient> open(ReportLink link, ScheduledExecutorService executor,
                                                     Duration initTimeout, SecureRandom random) {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(executor, "executor");
        CallOptions.requirePositive(initTimeout, "initTimeout");
        Objects.requireNonNull(random, "random");
        AsyncDeviceClient client = new AsyncDeviceClient(link, executor, initTimeout, random);
        CompletableFuture<AsyncDeviceClient> opened = new CompletableFuture<>();
        client.onExecutor(opened, () -> {
            client.link.start(client::reportArrived, client::linkFailed);
            client.init(HidFraming.BROADCAST_CHANNEL, reply -> {
                client.info = reply.orElseThrow();
                opened.complete(client);
            }, failure -> {
                client.closed = true;
                client.gone = true;
                client.link.close();
                opened.completeExceptionally(failure);
            });
        });
        opened.whenComplete((value, failure) -> {
            if (failure != null) {
                // Also when the executor refused the open.
                link.close();
            }
        });
        return opened;
    }

    /** The channel and versions from the latest INIT reply. */
    public DeviceInfo deviceInfo() {
        return info;
    }

    /**
     * Starts one exchange: sends {@code request} in a MSG frame; the future completes with the
     * final Response ({@code Failure} included), or fails with a {@link DeviceClientException}
     * (INVALID_REQUEST and BUSY before anything is sent), or with what {@code interim} or the
     * keepalive listener threw (the exchange is then abandoned).
     *
     * @param interim told each ButtonRequest, Progress and InputRequest, in order, on the executor
     */
    public CompletableFuture<Response> call(Request request, Consumer<Response> interim, CallOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(interim, "interim");
        Objects.requireNonNull(options, "options");
        CompletableFuture<Response> result = new CompletableFuture<>();
        if (request.getBodyCase() == Request.BodyCase.CANCEL) {
            result.completeExceptionally(new DeviceClientException(Code.INVALID_REQUEST,
                    "Request{cancel} gets no reply of its own; use cancel()"));
            return result;
        }
        onExecutor(result, () -> {
            int messageId = usesMessageIds() ? nextMessageId() : 0;
            Request stamped = messageId == 0 ? request : request.toBuilder().setMessageId(messageId).build();
            byte[] encoded;
            try {
                encoded = Messages.encode(stamped);
            } catch (MessageException e) {
                result.completeExceptionally(new DeviceClientException(Code.INVALID_REQUEST,
                        "cannot send " + Redaction.describe(request) + ": " + e.getMessage(), e));
                return;
            }
            begin(new Exchange<>(FrameCommand.MSG, encoded, options, result,
                    (frame, call) -> finalResponse(frame, call, interim, messageId)));
        });
        return result;
    }

    /**
     * Sends a PING; the future completes with the device's echo.
     *
     * @param data    0..7609 bytes
     * @param timeout how long to wait for the echo
     * @return fails with INVALID_REQUEST for more than 7609 bytes, PROTOCOL_ERROR if the echo
     *         differs, otherwise as {@link #call}'s
     */
    public CompletableFuture<byte[]> ping(byte[] data, Duration timeout) {
        Objects.requireNonNull(data, "data");
        CallOptions.requirePositive(timeout, "timeout");
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        if (data.length > HidFraming.MAX_MESSAGE_SIZE) {
            result.completeExceptionally(new DeviceClientException(Code.INVALID_REQUEST,
                    "a PING carries at most " + HidFraming.MAX_MESSAGE_SIZE + " bytes, got " + data.length));
            return result;
        }
        byte[] sent = data.clone();
        CallOptions options = CallOptions.defaults().withIdleTimeout(timeout).withDeadline(timeout);
        onExecutor(result, () -> {
            boolean lenient = usesMessageIds();
            begin(new Exchange<>(FrameCommand.PING, sent, options, result,
                    (frame, call) -> echo(frame, call, sent, lenient)));
        });
        return result;
    }

    /**
     * Cancels the call in progress, if any; does nothing otherwise. The CANCEL frame follows the
     * request if that is being written (never its middle); a call whose request was not sent yet
     * ends with CANCELLED without sending it. Returns at once.
     */
    public void cancel() {
        onExecutor(null, this::cancelNow);
    }

    /**
     * Ends the call whose future is {@code call} with {@code failure}, as a timeout would: a
     * CANCEL goes to the device if it was working on it. No-op if that call is over.
     */
    public void abandon(CompletableFuture<?> call, DeviceClientException failure) {
        onExecutor(null, () -> {
            if (current != null && current.result == call && waiting != null) {
                waiting.fail(failure);
            }
        });
    }

    /** As {@link #abandon(CompletableFuture, DeviceClientException)}, for whichever call is in progress. */
    public void abandon(DeviceClientException failure) {
        onExecutor(null, () -> {
            if (current != null && waiting != null) {
                waiting.fail(failure);
            }
        });
    }

    /**
     * Cancels a pending call, then closes the link; the pending call ends with DEVICE_GONE, and so
     * does every later one. Idempotent.
     *
     * @return completes once the link is closed
     */
    public CompletableFuture<Void> close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onExecutor(done, () -> {
            closeNow();
            done.complete(null);
        });
        return done;
    }

    // ---- on the executor from here on ----

    /**
     * Runs {@code task} on the executor, then tells the link whether reports are wanted and sets
     * the timer. {@code failed}, if given, gets DEVICE_GONE when the executor refuses the task.
     */
    private void onExecutor(CompletableFuture<?> failed, Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    settle();
                }
            });
        } catch (RejectedExecutionException e) {
            if (failed != null) {
                failed.completeExceptionally(new DeviceClientException(Code.DEVICE_GONE,
                        "the client is closed: its executor is shut down", e));
            }
        }
    }

    private void reportArrived(byte[] report) {
        onExecutor(null, () -> {
            Wait wait = waiting;
            if (wait == null) {
                // Nobody waits: a late copy of an ended exchange, or traffic for another host.
                return;
            }
            try {
                Optional<Frame> frame = wait.reader.accept(report);
                if (frame.isPresent()) {
                    wait.frame(frame.get());
                }
            } catch (DeviceClientException | RuntimeException e) {
                // RuntimeException: thrown by the caller's interim consumer or keepalive listener.
                if (waiting == wait) {
                    wait.fail(e);
                }
            }
        });
    }

    private void linkFailed(IOException failure) {
        onExecutor(null, () -> {
            DeviceClientException mapped = DeviceClientException.fromPort(failure);
            if (mapped.code() == Code.DEVICE_GONE) {
                gone = true;
            }
            if (waiting != null) {
                waiting.fail(mapped);
            }
            // With nobody waiting, a malformed report answered nothing: it is dropped.
        });
    }

    private void settle() {
        link.demand(waiting != null);
        Wait wait = waiting;
        if (wait == null) {
            if (wake != null) {
                wake.cancel(false);
                wake = null;
            }
            return;
        }
        long at = wait.end();
        OptionalLong partial = wait.reader.partialDeadline();
        if (partial.isPresent() && partial.getAsLong() - at < 0) {
            at = partial.getAsLong();
        }
        if (wake != null && wakeAt - at <= 0) {
            // Fires no later than needed; it looks again then.
            return;
        }
        if (wake != null) {
            wake.cancel(false);
        }
        wakeAt = at;
        long delay = Math.max(0, at - System.nanoTime());
        try {
            wake = executor.schedule(this::timerFired, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            wake = null;
            wait.fail(new DeviceClientException(Code.DEVICE_GONE, "the client is closed: its executor is shut down", e));
        }
    }

    private void timerFired() {
        wake = null;
        try {
            Wait wait = waiting;
            if (wait == null) {
                return;
            }
            try {
                wait.reader.expire();
            } catch (DeviceClientException e) {
                wait.fail(e);
                return;
            }
            long now = System.nanoTime();
            if (wait.end() - now <= 0) {
                wait.fail(wait.expired(now));
            }
        } finally {
            settle();
        }
    }

    private void begin(Exchange<?> exchange) {
        if (current != null) {
            exchange.result.completeExceptionally(new DeviceClientException(Code.BUSY,
                    "another call is in progress on this device"));
            exchange.zero();
            return;
        }
        current = exchange;
        proceed(exchange);
    }

    /** Opens or resynchronises the channel when it must, then sends the request. */
    private void proceed(Exchange<?> exchange) {
        if (gone) {
            finish(exchange, goneException(), null);
            return;
        }
        if (!stale) {
            attempt(exchange);
            return;
        }
        Consumer<Throwable> failed = failure -> finish(exchange, failure, null);
        Consumer<DeviceInfo> ready = fresh -> {
            info = fresh;
            stale = false;
            proceed(exchange);
        };
        if (usesMessageIds()) {
            // INIT on the channel itself (PROTOCOL.md §4.1); a device that forgot it gets a fresh one.
            init(info.channel(), resynchronised -> {
                if (resynchronised.isPresent()) {
                    ready.accept(resynchronised.get());
                } else {
                    init(HidFraming.BROADCAST_CHANNEL, allocated -> ready.accept(allocated.orElseThrow()), failed);
                }
            }, failed);
        } else {
            init(HidFraming.BROADCAST_CHANNEL, allocated -> ready.accept(allocated.orElseThrow()), failed);
        }
    }

    private void attempt(Exchange<?> exchange) {
        PendingCall call = exchange.call;
        int channel = info.channel();
        ChannelReader reader = new ChannelReader(channel, usesMessageIds());
        try {
            if (call.cancelRequested()) {
                throw new DeviceClientException(Code.CANCELLED, "cancelled before the request was sent");
            }
            call.beginAttempt(channel);
            write(new Frame(channel, call.command(), exchange.payload));
            call.markSent();
        } catch (DeviceClientException e) {
            attemptFailed(exchange, e);
            return;
        }
        reader.touch();
        waiting = new ReplyWait(exchange, reader);
    }

    /** An attempt ended without the answer: abandon it, move once if the device forgot the channel, or end the call. */
    private void attemptFailed(Exchange<?> exchange, Throwable failure) {
        waiting = null;
        PendingCall call = exchange.call;
        if (failure instanceof DeviceClientException e) {
            if (e.code() != Code.DEVICE_GONE && call.started() && !call.ended()) {
                abandonOnDevice(call, e);
            }
            // The device no longer knows the channel (it restarted, or forgot old channels): the
            // request was refused before anything started, so it is safe to send again.
            boolean forgotten = e.frameError().filter(FrameError.INVALID_CHANNEL::equals).isPresent()
                    && call.framesReceived() == 0 && !call.cancelRequested();
            if (forgotten && !exchange.retried) {
                exchange.retried = true;
                stale = true;
                proceed(exchange);
                return;
            }
        } else {
            abandonOnDevice(call, failure);
        }
        finish(exchange, failure, null);
    }

    private <T> void finish(Exchange<T> exchange, Throwable failure, T value) {
        waiting = null;
        if (failure instanceof DeviceClientException e && e.code() == Code.DEVICE_GONE) {
            gone = true;
        }
        // A copy of this exchange's last frames may still be on its way: only message ids (and a
        // clean end: no ERROR frame, which carries none) let the next call ignore it.
        if (!(exchange.call.answered() && usesMessageIds())) {
            stale = true;
        }
        if (current == exchange) {
            current = null;
        }
        exchange.zero();
        if (failure == null) {
            exchange.result.complete(value);
        } else {
            exchange.result.completeExceptionally(failure);
        }
    }

    private void cancelNow() {
        Exchange<?> exchange = current;
        if (exchange == null || !exchange.call.requestCancel(System.nanoTime())) {
            return;
        }
        PendingCall call = exchange.call;
        if (call.sent() && !call.ended() && call.expectsCancelReply() && !call.cancelSent()) {
            call.markCancelSent();
            try {
                write(Frame.cancel(call.channel()));
            } catch (DeviceClientException e) {
                // Nobody to throw to: a broken link (write marked the client gone) fails the call
                // below, and otherwise the cancel grace ends it.
                if (e.code() == Code.DEVICE_GONE && waiting != null) {
                    waiting.fail(e);
                }
            }
        }
    }

    private void closeNow() {
        if (closed) {
            return;
        }
        cancelNow();
        closed = true;
        gone = true;
        if (waiting != null) {
            // Whatever was still in flight, close() promised this call DEVICE_GONE.
            waiting.fail(goneException());
        }
        link.close();
    }

    /**
     * Ends an exchange the device did not end: a CANCEL so the device returns to its idle screen,
     * and INIT before the next call. A failure to send the CANCEL is added to {@code primary}.
     */
    private void abandonOnDevice(PendingCall call, Throwable primary) {
        stale = true;
        if (call.sent() && !call.cancelSent() && call.expectsCancelReply()) {
            call.markCancelSent();
            try {
                write(Frame.cancel(call.channel()));
            } catch (DeviceClientException e) {
                primary.addSuppressed(e);
            }
        }
    }

    /**
     * Sends INIT with a fresh nonce on {@code channel} and waits for the reply carrying it; {@code
     * replied} gets empty if the device answered a resynchronisation with INVALID_CHANNEL.
     */
    private void init(int channel, Consumer<Optional<DeviceInfo>> replied, Consumer<Throwable> failed) {
        boolean broadcast = channel == HidFraming.BROADCAST_CHANNEL;
        InitRequest request = InitRequest.random(random);
        try {
            write(request.toFrame(channel));
        } catch (DeviceClientException e) {
            failed.accept(e);
            return;
        }
        // On a used channel, frames of earlier exchanges may still come in; only the INIT reply counts.
        waiting = new InitWait(request, broadcast, new ChannelReader(channel, !broadcast), replied, failed);
    }

    private void write(Frame frame) throws DeviceClientException {
        List<byte[]> reports = ReportWriter.write(frame);
        try {
            for (byte[] report : reports) {
                link.send(report);
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

    private int nextMessageId() {
        lastMessageId = MessageIds.next(lastMessageId);
        return lastMessageId;
    }

    private DeviceClientException goneException() {
        return new DeviceClientException(Code.DEVICE_GONE, closed ? "the client is closed" : "the device is gone");
    }

    private static long earlier(long a, long b) {
        return a - b <= 0 ? a : b;
    }

    // ---- what a call waits for ----

    @FunctionalInterface
    private interface Outcome<T> {
        /** The result if {@code frame} ends the exchange, empty if more frames are to come. */
        Optional<T> accept(Frame frame, PendingCall call) throws DeviceClientException;
    }

    /** One call from start to end, across its attempts. */
    private static final class Exchange<T> {
        final PendingCall call;
        final byte[] payload;
        final CallOptions options;
        final CompletableFuture<T> result;
        final Outcome<T> outcome;
        boolean retried;

        Exchange(FrameCommand command, byte[] payload, CallOptions options, CompletableFuture<T> result,
                 Outcome<T> outcome) {
            this.call = new PendingCall(command);
            this.payload = payload;
            this.options = options;
            this.result = result;
            this.outcome = outcome;
        }

        /** The request may carry a JSON file's password. */
        void zero() {
            Arrays.fill(payload, (byte) 0);
        }
    }

    /** What the client waits for now: frames on one channel, until an end. */
    private abstract static class Wait {
        final ChannelReader reader;

        Wait(ChannelReader reader) {
            this.reader = reader;
        }

        /** A frame completed on the channel. */
        abstract void frame(Frame frame) throws DeviceClientException;

        /** When the wait expires (System.nanoTime). */
        abstract long end();

        abstract DeviceClientException expired(long now);

        /** Ends the wait with {@code failure}. */
        abstract void fail(Throwable failure);
    }

    /** The reply to a request: interim replies, KEEPALIVEs, then the final one. */
    private final class ReplyWait extends Wait {
        private final Exchange<?> exchange;
        private final OptionalLong deadline;

        ReplyWait(Exchange<?> exchange, ChannelReader reader) {
            super(reader);
            this.exchange = exchange;
            long start = System.nanoTime();
            this.deadline = exchange.options.deadline()
                    .map(d -> OptionalLong.of(start + d.toNanos())).orElse(OptionalLong.empty());
        }

        @Override
        void frame(Frame received) throws DeviceClientException {
            PendingCall call = exchange.call;
            switch (received.command()) {
                case KEEPALIVE -> keepalive(received, exchange.options);
                case ERROR -> {
                    call.end();
                    throw DeviceClientException.deviceError(errorCode(received));
                }
                default -> {
                    if (complete(exchange, received)) {
                        return;
                    }
                }
            }
            call.countFrame();
        }

        private <T> boolean complete(Exchange<T> of, Frame received) throws DeviceClientException {
            Optional<T> result = of.outcome.accept(received, of.call);
            if (result.isEmpty()) {
                return false;
            }
            finish(of, null, result.get());
            return true;
        }

        @Override
        long end() {
            PendingCall call = exchange.call;
            long end = reader.lastActivity() + exchange.options.idleTimeout().toNanos();
            if (call.cancelRequested()) {
                long grace = call.expectsCancelReply() ? exchange.options.cancelGrace().toNanos() : 0;
                end = earlier(end, call.cancelRequestedAt() + grace);
            }
            if (deadline.isPresent()) {
                end = earlier(end, deadline.getAsLong());
            }
            return end;
        }

        @Override
        DeviceClientException expired(long now) {
            PendingCall call = exchange.call;
            CallOptions options = exchange.options;
            if (call.cancelRequested()) {
                return new DeviceClientException(Code.CANCELLED, call.expectsCancelReply()
                        ? "cancelled; the device did not confirm within " + options.cancelGrace().toMillis() + " ms"
                        : "cancelled");
            }
            if (deadline.isPresent() && now - deadline.getAsLong() >= 0) {
                return new DeviceClientException(Code.TIMEOUT,
                        "no final reply within " + options.deadline().orElseThrow().toMillis() + " ms");
            }
            return new DeviceClientException(Code.TIMEOUT,
                    "no report from the device for " + options.idleTimeout().toMillis() + " ms");
        }

        @Override
        void fail(Throwable failure) {
            reader.reset();
            attemptFailed(exchange, failure);
        }
    }

    /** The INIT reply carrying this client's nonce. */
    private final class InitWait extends Wait {
        private final InitRequest request;
        private final boolean broadcast;
        private final long end = System.nanoTime() + initTimeout.toNanos();
        private final Consumer<Optional<DeviceInfo>> replied;
        private final Consumer<Throwable> failed;

        InitWait(InitRequest request, boolean broadcast, ChannelReader reader,
                 Consumer<Optional<DeviceInfo>> replied, Consumer<Throwable> failed) {
            super(reader);
            this.request = request;
            this.broadcast = broadcast;
            this.replied = replied;
            this.failed = failed;
        }

        @Override
        void frame(Frame received) throws DeviceClientException {
            if (received.command() == FrameCommand.ERROR) {
                FrameError error = errorCode(received);
                if (broadcast) {
                    throw DeviceClientException.deviceError(error);
                }
                if (error == FrameError.INVALID_CHANNEL) {
                    waiting = null;
                    replied.accept(Optional.empty());
                }
                // Any other ERROR on a used channel answered an earlier exchange's report.
                return;
            }
            if (received.command() != FrameCommand.INIT) {
                // Broadcast traffic that is no INIT reply is not addressed to this client; on a
                // used channel it is a leftover of an earlier exchange.
                return;
            }
            InitReply reply;
            try {
                reply = InitReply.from(received);
            } catch (FramingException e) {
                throw new DeviceClientException(Code.PROTOCOL_ERROR, "a malformed INIT reply: " + e.getMessage(), e);
            }
            if (reply.answers(request)) {
                waiting = null;
                replied.accept(Optional.of(DeviceInfo.from(reply)));
            }
        }

        @Override
        long end() {
            return end;
        }

        @Override
        DeviceClientException expired(long now) {
            return new DeviceClientException(Code.TIMEOUT, "no INIT reply within " + initTimeout.toMillis() + " ms");
        }

        @Override
        void fail(Throwable failure) {
            waiting = null;
            reader.reset();
            failed.accept(failure);
        }
    }

    // ---- how frames end an exchange ----

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
}
