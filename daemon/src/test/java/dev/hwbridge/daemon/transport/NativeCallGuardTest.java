package dev.hwbridge.daemon.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.daemon.transport.TransportException.Code;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NativeCallGuardTest {

    private final NativeCallGuard guard = new NativeCallGuard("hid:0011223344556677");

    @Test
    void callReturnsTheNativeResult() throws TransportException {
        assertThat(guard.call("read", () -> 64)).isEqualTo(64);
    }

    @Test
    void callAfterCloseIsDeviceGoneAndDoesNotRun() {
        guard.close(() -> { });
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> guard.call("read", () -> ran.getAndSet(true)))
                .isInstanceOf(TransportException.class)
                .satisfies(e -> assertThat(((TransportException) e).code()).isEqualTo(Code.DEVICE_GONE));
        assertThat(ran).isFalse();
    }

    @Test
    void bindingExceptionsAndLinkageErrorsBecomeIo() {
        assertThatThrownBy(() -> guard.call("read", () -> {
            throw new IllegalStateException("handle not initialized");
        })).isInstanceOf(TransportException.class)
                .hasMessageContaining("read").hasMessageContaining("handle not initialized")
                .satisfies(e -> assertThat(((TransportException) e).code()).isEqualTo(Code.IO));
        assertThatThrownBy(() -> guard.call("write", () -> {
            throw new UnsatisfiedLinkError("libhidapi.so");
        })).isInstanceOf(TransportException.class)
                .satisfies(e -> assertThat(((TransportException) e).code()).isEqualTo(Code.IO));
    }

    @Test
    void describeNamesTheCausesAnInitializerErrorHides() {
        Throwable failure = new ExceptionInInitializerError(
                new IllegalStateException("Unable to create temporary directory for usb4java natives"));

        assertThat(NativeCallGuard.describe(failure))
                .startsWith("java.lang.ExceptionInInitializerError")
                .contains("Unable to create temporary directory for usb4java natives");
    }

    @Test
    void typedFailuresPassThroughUnchanged() {
        TransportException badReport = new TransportException(Code.BAD_REPORT, "63 bytes");

        assertThatThrownBy(() -> guard.call("read", () -> {
            throw badReport;
        })).isSameAs(badReport);
    }

    @Test
    void releaseRunsOnceHoweverOftenCloseIsCalled() {
        AtomicInteger releases = new AtomicInteger();

        assertThat(guard.close(releases::incrementAndGet)).isTrue();
        assertThat(guard.close(releases::incrementAndGet)).isFalse();
        assertThat(releases).hasValue(1);
        assertThat(guard.isClosed()).isTrue();
    }

    @Test
    void aReleaseThatThrowsStillCountsAsDoneWhenClosingQuietly() {
        AtomicInteger releases = new AtomicInteger();

        assertThat(guard.closeQuietly(() -> {
            releases.incrementAndGet();
            throw new IllegalStateException("native close failed");
        })).isTrue();
        assertThat(guard.closeQuietly(releases::incrementAndGet)).isFalse();
        assertThat(releases).hasValue(1);
        assertThat(guard.isClosed()).isTrue();
    }

    @Test
    void closeWaitsForARunningCallBeforeReleasing() throws Exception {
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch finishCall = new CountDownLatch(1);
        AtomicBoolean releasedDuringCall = new AtomicBoolean();
        AtomicBoolean callRunning = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                guard.call("read", () -> {
                    callRunning.set(true);
                    inCall.countDown();
                    awaitQuietly(finishCall);
                    callRunning.set(false);
                    return 0;
                });
            } catch (TransportException e) {
                throw new AssertionError(e);
            }
        });
        reader.start();
        assertThat(inCall.await(5, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(() -> guard.close(() -> releasedDuringCall.set(callRunning.get())));
        closer.start();
        closer.join(200);
        assertThat(closer.isAlive()).as("close waits while the call runs").isTrue();

        finishCall.countDown();
        closer.join(5000);
        reader.join(5000);
        assertThat(closer.isAlive()).isFalse();
        assertThat(releasedDuringCall).as("released while a call still ran").isFalse();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
