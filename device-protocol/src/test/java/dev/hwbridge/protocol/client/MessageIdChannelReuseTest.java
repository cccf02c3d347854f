package dev.hwbridge.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.FrameError;
import dev.hwbridge.protocol.framing.ReportWriter;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.testkit.device.Responses;
import dev.hwbridge.testkit.device.Script;
import dev.hwbridge.testkit.device.ScriptedDevice;
import dev.hwbridge.testkit.device.ScriptedDevice.RecordedRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md §4.1: one channel for every call of a device that echoes message ids. */
class MessageIdChannelReuseTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ScriptedDevice device = ScriptedDevice.start();

    @AfterEach
    void close() {
        device.close();
    }

    @Test
    void aMinimalCallIsOneRequestReportAndOneReplyReportOnTheChannelOfTheFirstInit() throws Exception {
        device.withMessageIds();
        CountingPort port = new CountingPort(device.hostPort());
        try (DeviceClient client = DeviceClient.open(port, WAIT)) {
            int channel = client.deviceInfo().channel();
            for (int i = 0; i < 3; i++) {
                device.enqueue(Script.create().reply(Responses.success("call " + i)));
                port.reset();

                Response reply = client.call(Requests.getFeatures());

                assertThat(reply.getSuccess().getMessage()).isEqualTo("call " + i);
                assertThat(port.written.get()).isEqualTo(1);
                assertThat(port.read.get()).isEqualTo(1);
                assertThat(device.takeRequest(WAIT).channel()).isEqualTo(channel);
            }
            assertThat(device.initCount()).isEqualTo(1);
        }
    }

    @Test
    void aRepeatedReplyOfTheEarlierExchangeIsNotTakenForTheNextAnswer() throws Exception {
        device.withMessageIds();
        try (DeviceClient client = DeviceClient.open(device.hostPort(), WAIT)) {
            device.enqueue(Script.create().reply(Responses.success("first")));
            client.call(Requests.getFeatures());
            int firstId = device.takeRequest(WAIT).request().getMessageId();
            Response stale = Responses.success("first").toBuilder().setMessageId(firstId).build();
            device.enqueue(Script.create().reply(stale).reply(Responses.success("second")));

            Response reply = client.call(Requests.getFeatures());

            assertThat(reply.getSuccess().getMessage()).isEqualTo("second");
            assertThat(device.takeRequest(WAIT).request().getMessageId()).isNotEqualTo(firstId).isNotZero();
        }
    }

    @Test
    void afterAnErrorFrameTheNextCallResynchronisesTheSameChannel() throws Exception {
        device.withMessageIds();
        try (DeviceClient client = DeviceClient.open(device.hostPort(), WAIT)) {
            int channel = client.deviceInfo().channel();
            device.enqueue(Script.create().error(FrameError.INVALID_SEQUENCE));
            assertThatThrownBy(() -> client.call(Requests.getFeatures()))
                    .isInstanceOfSatisfying(DeviceClientException.class, e -> assertThat(e.frameError())
                            .contains(FrameError.INVALID_SEQUENCE));
            int failedId = device.takeRequest(WAIT).request().getMessageId();
            device.enqueue(Script.create().reply(Responses.success("after the error")));

            Response reply = client.call(Requests.getFeatures());

            assertThat(reply.getSuccess().getMessage()).isEqualTo("after the error");
            assertThat(device.initCount()).isEqualTo(2);
            assertThat(client.deviceInfo().channel()).isEqualTo(channel);
            RecordedRequest next = device.takeRequest(WAIT);
            assertThat(next.channel()).isEqualTo(channel);
            assertThat(next.request().getMessageId()).isGreaterThan(failedId);
        }
    }

    @Test
    void aReplyWhoseFirstReportComesAfterTheRestFailsAsBrokenFramingInsteadOfWaitingForTheIdleTimeout()
            throws Exception {
        device.withMessageIds();
        try (DeviceClient client = DeviceClient.open(device.hostPort(), WAIT)) {
            int channel = client.deviceInfo().channel();
            Response features = Responses.success("x".repeat(100)).toBuilder().setMessageId(1).build();
            List<byte[]> reports = ReportWriter.write(Frame.message(channel, Script.encode(features)));
            assertThat(reports).hasSize(2);
            // The continuation first: on a reused channel it looks like a leftover and is dropped.
            device.enqueue(Script.create().report(reports.get(1)).report(reports.get(0)).pause(Duration.ofSeconds(8)));
            CallOptions patient = CallOptions.defaults().withIdleTimeout(Duration.ofSeconds(30));

            assertThatThrownBy(() -> client.call(Requests.getFeatures(), response -> { }, patient))
                    .isInstanceOfSatisfying(DeviceClientException.class, e -> {
                        assertThat(e.code()).isEqualTo(DeviceClientException.Code.PROTOCOL_ERROR);
                        assertThat(e.getMessage()).contains("MESSAGE_TIMEOUT");
                    });
        }
    }

    @Test
    void aDeviceWithoutMessageIdsGetsAFreshChannelForEveryCall() throws Exception {
        try (DeviceClient client = DeviceClient.open(device.hostPort(), WAIT)) {
            device.enqueue(Script.create().reply(Responses.success("first")));
            device.enqueue(Script.create().reply(Responses.success("second")));

            client.call(Requests.getFeatures());
            client.call(Requests.getFeatures());

            assertThat(device.initCount()).isEqualTo(2);
            assertThat(device.takeRequest(WAIT).request().getMessageId()).isZero();
        }
    }

    /** Counts the reports each way. */
    private static final class CountingPort implements ReportPort {

        private final ReportPort inner;
        private final AtomicInteger written = new AtomicInteger();
        private final AtomicInteger read = new AtomicInteger();

        CountingPort(ReportPort inner) {
            this.inner = inner;
        }

        void reset() {
            written.set(0);
            read.set(0);
        }

        @Override
        public void write(byte[] report) throws IOException {
            written.incrementAndGet();
            inner.write(report);
        }

        @Override
        public Optional<byte[]> read(Duration timeout) throws IOException {
            Optional<byte[]> report = inner.read(timeout);
            report.ifPresent(r -> read.incrementAndGet());
            return report;
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
