package dev.hwbridge.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.simulator.screen.CancelledException;
import dev.hwbridge.simulator.screen.DeviceScreen;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class CancelSignalTest {

    private final DeviceScreen screen = new DeviceScreen();
    private final CancelSignal signal = new CancelSignal(screen);

    @Test
    void aCancelBeforeThePromptEndsTheRequestAtThePrompt() {
        signal.cancel();
        assertThatThrownBy(signal::enterPrompt).isInstanceOfSatisfying(FlowFailure.class,
                e -> assertThat(e.code()).isEqualTo(Failure.Code.CANCELLED));
        assertThat(signal.isCancelled()).isTrue();
    }

    @Test
    void aCancelEndsTheWaitingPrompt() throws Exception {
        CompletableFuture<Throwable> prompt = promptInBackground(new CountDownLatch(0));
        while (screen.current().input() == dev.hwbridge.simulator.screen.InputKind.NONE) {
            Thread.onSpinWait();
        }
        signal.cancel();
        assertThat(prompt.get(10, TimeUnit.SECONDS)).isInstanceOf(CancelledException.class);
    }

    @RepeatedTest(20)
    void aCancelBetweenTheCheckAndThePromptIsNotLost() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Throwable> prompt = CompletableFuture.supplyAsync(() -> {
            signal.enterPrompt();
            entered.countDown();
            try {
                release.await();
                screen.confirm("Sign?", List.of());
                return null;
            } catch (CancelledException | InterruptedException e) {
                return e;
            } finally {
                signal.exitPrompt();
            }
        });
        entered.await();
        CompletableFuture<Void> cancel = CompletableFuture.runAsync(signal::cancel);
        release.countDown();
        cancel.get(10, TimeUnit.SECONDS);
        assertThat(prompt.get(10, TimeUnit.SECONDS)).isInstanceOf(CancelledException.class);
    }

    @Test
    void aCancelWithNoPromptComingReturnsAtOnce() {
        long started = System.nanoTime();
        signal.cancel();
        assertThat(System.nanoTime() - started).isLessThan(TimeUnit.MILLISECONDS.toNanos(500));
    }

    private CompletableFuture<Throwable> promptInBackground(CountDownLatch ready) {
        return CompletableFuture.supplyAsync(() -> {
            signal.enterPrompt();
            try {
                ready.await();
                screen.confirm("Sign?", List.of());
                return null;
            } catch (CancelledException | InterruptedException e) {
                return e;
            } finally {
                signal.exitPrompt();
            }
        });
    }
}
