package dev.hwbridge.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.FrameCommand;
import dev.hwbridge.protocol.framing.InitReply;
import dev.hwbridge.protocol.framing.InitRequest;
import dev.hwbridge.protocol.framing.Reassembler;
import dev.hwbridge.protocol.framing.ReportWriter;
import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.MessageIds;
import dev.hwbridge.protocol.message.Messages;
import dev.hwbridge.protocol.message.Request;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.testkit.device.Responses;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event-driven client over a link the test pushes reports into: no thread waits for the device. */
class AsyncDeviceClientTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int CHANNEL = 0x01020304;

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
    private final PushedLink link = new PushedLink();

    AsyncDeviceClientTest() {
        executor.setRemoveOnCancelPolicy(true);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aCallWaitingForTheUserRunsNoThreadAndEndsWhenTheReplyIsPushed() throws Exception {
        AsyncDeviceClient client = openWithMessageIds();
        List<Response> interims = new CopyOnWriteArrayList<>();
        Response prompt = Responses.buttonRequest(ButtonRequest.Kind.SIGN, "Sign");

        CompletableFuture<Response> call = client.call(Requests.sign(10), interims::add, CallOptions.defaults());
        Request sent = Messages.parseRequest(link.takeFrame().payload());
        link.push(Frame.message(CHANNEL, Messages.encode(prompt.toBuilder().setMessageId(sent.getMessageId()).build())));
        awaitIdle();

        assertThat(interims).containsExactly(prompt);
        assertThat(call).isNotDone();
        // The prompt is open and the client waits for the device: nothing is running anywhere.
        assertThat(executor.getActiveCount()).isZero();
        assertThat(executor.getQueue()).hasSize(1); // the idle-timeout check, not yet due

        Response signature = Responses.signature(new byte[64]);
        link.push(Frame.message(CHANNEL, Messages.encode(signature.toBuilder().setMessageId(sent.getMessageId()).build())));

        assertThat(call.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(signature);
        awaitIdle();
        assertThat(executor.getQueue()).isEmpty();
    }

    @Test
    void aSecondCallWhileOneIsPendingFailsWithBusy() throws Exception {
        AsyncDeviceClient client = openWithMessageIds();
        client.call(Requests.getFeatures(), response -> { }, CallOptions.defaults());

        CompletableFuture<Response> second = client.call(Requests.getFeatures(), response -> { }, CallOptions.defaults());

        assertThat(second).failsWithin(WAIT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(DeviceClientException.class,
                        e -> assertThat(e.code()).isEqualTo(DeviceClientException.Code.BUSY));
    }

    @Test
    void silenceEndsTheCallWithTimeoutFromTheTimerAndSendsCancel() throws Exception {
        AsyncDeviceClient client = openWithMessageIds();

        CompletableFuture<Response> call = client.call(Requests.getFeatures(), response -> { },
                CallOptions.defaults().withIdleTimeout(Duration.ofMillis(200)));

        assertThat(call).failsWithin(WAIT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(DeviceClientException.class,
                        e -> assertThat(e.code()).isEqualTo(DeviceClientException.Code.TIMEOUT));
        assertThat(link.takeFrame().command()).isEqualTo(FrameCommand.MSG);
        assertThat(link.takeFrame().command()).isEqualTo(FrameCommand.CANCEL);
    }

    @Test
    void aPromptOnOneDeviceDoesNotDelayAnotherDeviceOnTheSameExecutor() throws Exception {
        AsyncDeviceClient held = openWithMessageIds();
        PushedLink otherLink = new PushedLink();
        AsyncDeviceClient other = openWithMessageIds(otherLink);
        CompletableFuture<Response> prompt = held.call(Requests.sign(10), response -> { }, CallOptions.defaults());
        Request sent = Messages.parseRequest(link.takeFrame().payload());
        link.push(Frame.message(CHANNEL, Messages.encode(Responses.buttonRequest(ButtonRequest.Kind.SIGN, "Sign")
                .toBuilder().setMessageId(sent.getMessageId()).build())));

        CompletableFuture<Response> features = other.call(Requests.getFeatures(), response -> { }, CallOptions.defaults());
        Request asked = Messages.parseRequest(otherLink.takeFrame().payload());
        otherLink.push(Frame.message(CHANNEL, Messages.encode(Responses.success("here")
                .toBuilder().setMessageId(asked.getMessageId()).build())));

        assertThat(features.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(Responses.success("here"));
        assertThat(prompt).isNotDone();
    }

    private AsyncDeviceClient openWithMessageIds() throws Exception {
        return openWithMessageIds(link);
    }

    private AsyncDeviceClient openWithMessageIds(PushedLink device) throws Exception {
        CompletableFuture<AsyncDeviceClient> opening = AsyncDeviceClient.open(device, executor, WAIT);
        InitRequest init = InitRequest.from(device.takeFrame());
        device.push(InitReply.answering(init, CHANNEL, 1, 0, 0, MessageIds.CAPABILITY).toFrame(0xFFFFFFFF));
        return opening.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the executor has run everything that is due. */
    /**
     * Waits until the executor has run what was queued before and its thread has left the last
     * task: the no-op's future completes inside that task, a moment before the thread counts as
     * idle again. A task that kept running (one waiting for the device) would keep it active.
     */
    private void awaitIdle() throws Exception {
        executor.submit(() -> { }).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (executor.getActiveCount() != 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(1);
        }
    }

    /** A device end driven by the test: reports the client sends are rebuilt into frames; pushed frames go to the client on the test's thread. */
    private static final class PushedLink implements ReportLink {
        private final BlockingQueue<byte[]> sent = new LinkedBlockingQueue<>();
        private final Reassembler reassembler = new Reassembler();
        private volatile Consumer<byte[]> onReport;

        @Override
        public void start(Consumer<byte[]> onReport, Consumer<IOException> onFailure) {
            this.onReport = onReport;
        }

        @Override
        public void send(byte[] report) {
            sent.add(report.clone());
        }

        @Override
        public void close() {
        }

        void push(Frame frame) {
            ReportWriter.write(frame).forEach(onReport);
        }

        Frame takeFrame() throws Exception {
            while (true) {
                byte[] report = sent.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(report).as("a report from the client").isNotNull();
                Optional<Frame> frame = reassembler.accept(report);
                if (frame.isPresent()) {
                    return frame.get();
                }
            }
        }
    }
}
