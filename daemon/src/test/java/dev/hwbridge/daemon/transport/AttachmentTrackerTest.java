package dev.hwbridge.daemon.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AttachmentTrackerTest {

    private static final DeviceDescriptor SIGNER = new DeviceDescriptor("hid:0000000000000001", "hid", 0x1209, 0x53C1, "Signer", "S1");
    private static final DeviceDescriptor OTHER = new DeviceDescriptor("hid:0000000000000002", "hid", 0x1209, 0x53C1, "Signer", "S2");
    private static final Duration QUIET = Duration.ofMillis(10);

    private final AttachmentTracker tracker = new AttachmentTracker("HID", LoggerFactory.getLogger(AttachmentTrackerTest.class));
    private final HotPlugRecorder recorder = new HotPlugRecorder();

    @Test
    void theFirstUpdateReportsEveryDeviceAttachedInTheOrderGiven() throws InterruptedException {
        tracker.update(List.of(SIGNER, OTHER), recorder);

        assertThat(recorder.assertAttached()).isEqualTo(SIGNER);
        assertThat(recorder.assertAttached()).isEqualTo(OTHER);
        recorder.assertQuietFor(QUIET);
    }

    @Test
    void onlyChangesAreReportedAndDetachesComeFirst() throws InterruptedException {
        tracker.update(List.of(SIGNER), recorder);
        recorder.assertAttached();

        tracker.update(List.of(SIGNER), recorder);
        recorder.assertQuietFor(QUIET);
        tracker.update(List.of(OTHER), recorder);

        assertThat(recorder.assertDetached()).isEqualTo(SIGNER);
        assertThat(recorder.assertAttached()).isEqualTo(OTHER);
        recorder.assertQuietFor(QUIET);
    }

    @Test
    void withoutAListenerTheBookkeepingStillMovesOn() throws InterruptedException {
        tracker.update(List.of(SIGNER), null);

        tracker.update(List.of(SIGNER), recorder);

        recorder.assertQuietFor(QUIET);
    }

    @Test
    void replayTellsANewListenerWhatIsAttached() throws InterruptedException {
        tracker.update(List.of(SIGNER, OTHER), null);
        tracker.update(List.of(OTHER), null);

        tracker.replay(recorder);

        assertThat(recorder.assertAttached()).isEqualTo(OTHER);
        recorder.assertQuietFor(QUIET);
    }

    @Test
    void aThrowingListenerDoesNotStopTheOtherEvents() throws InterruptedException {
        tracker.update(List.of(SIGNER, OTHER), recorder.throwingAfterEachAttach());

        assertThat(recorder.assertAttached()).isEqualTo(SIGNER);
        assertThat(recorder.assertAttached()).isEqualTo(OTHER);
    }
}
