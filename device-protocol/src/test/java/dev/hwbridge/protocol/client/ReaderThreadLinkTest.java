package dev.hwbridge.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.framing.HidFraming;
import dev.hwbridge.testkit.device.MemoryPipe;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReaderThreadLinkTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final MemoryPipe pipe = new MemoryPipe();
    private final BlockingQueue<byte[]> reports = new LinkedBlockingQueue<>();
    private final BlockingQueue<IOException> failures = new LinkedBlockingQueue<>();

    @AfterEach
    void unplug() {
        pipe.close();
    }

    @Test
    void readsOnlyWhileReportsAreWantedAndWaitsForTheClientsWordAfterEachOne() throws Exception {
        pipe.deviceEnd().write(report(1));
        pipe.deviceEnd().write(report(2));
        ReaderThreadLink link = new ReaderThreadLink(pipe.hostEnd(), "test-reader");
        link.start(reports::add, failures::add);

        assertThat(reports.poll(200, TimeUnit.MILLISECONDS)).as("a report nobody asked for").isNull();
        link.demand(true);
        assertThat(reports.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(report(1));
        assertThat(reports.poll(200, TimeUnit.MILLISECONDS)).as("a report read before the client took the last").isNull();
        link.demand(true);
        assertThat(reports.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(report(2));
        link.close();
        assertThat(failures).isEmpty();
    }

    @Test
    void aWriterThreadSendsInOrderAndAWriteThatFailsLaterReachesTheClientAsAFailure() throws Exception {
        ReaderThreadLink link = ReaderThreadLink.withWriterThread(pipe.hostEnd(), "test-link");
        link.start(reports::add, failures::add);
        byte[] sent = report(3);

        link.send(sent);
        link.send(report(4));
        sent[0] = 0; // The link copied it: the client zeroes its array once send returns.

        assertThat(pipe.deviceEnd().read(WAIT)).contains(report(3));
        assertThat(pipe.deviceEnd().read(WAIT)).contains(report(4));
        pipe.close();
        link.send(report(5));
        assertThat(failures.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
        link.close();
    }

    @Test
    void anUnpluggedDeviceIsOneFailureAndTheReaderStops() throws Exception {
        ReaderThreadLink link = new ReaderThreadLink(pipe.hostEnd(), "test-reader");
        link.start(reports::add, failures::add);
        link.demand(true);

        pipe.close();

        assertThat(failures.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
        link.demand(true);
        assertThat(failures.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(reports).isEmpty();
    }

    private static byte[] report(int marker) {
        byte[] report = new byte[HidFraming.REPORT_SIZE];
        report[0] = (byte) marker;
        report[4] = (byte) 0x83;
        return report;
    }
}
