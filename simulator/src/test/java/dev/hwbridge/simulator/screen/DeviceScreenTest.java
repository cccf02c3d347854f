package dev.hwbridge.simulator.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeviceScreenTest {

    private static final Screen HOME = Screen.info("hwbridge", List.of("ready"));

    private final DeviceScreen screen = new DeviceScreen(HOME);
    private final ExecutorService device = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopDevice() {
        device.shutdownNow();
    }

    @Test
    void confirmReturnsTrueWhenConfirmIsPressed() throws Exception {
        Future<Boolean> answer = device.submit(() -> screen.confirm("Sign?", List.of("blake2b 0x12")));
        awaitInput(InputKind.CONFIRM);

        assertThat(screen.current()).isEqualTo(new Screen("Sign?", List.of("blake2b 0x12"), InputKind.CONFIRM));
        assertThat(screen.press(Button.CONFIRM)).isTrue();
        assertThat(answer.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(screen.current()).isEqualTo(HOME);
    }

    @Test
    void confirmReturnsFalseWhenRejectIsPressed() throws Exception {
        Future<Boolean> answer = device.submit(() -> screen.confirm("Wipe?", List.of()));
        awaitInput(InputKind.CONFIRM);

        assertThat(screen.press(Button.REJECT)).isTrue();
        assertThat(answer.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void askReturnsTheTypedTextAndNoScreenEverShowsIt() throws Exception {
        List<Screen> seen = new CopyOnWriteArrayList<>();
        screen.addListener(seen::add);
        Future<String> answer = device.submit(() -> screen.ask(InputKind.PIN, "Enter PIN", List.of("attempt 1")));
        awaitInput(InputKind.PIN);

        assertThat(screen.type("482916")).isTrue();
        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo("482916");
        assertThat(seen).hasSize(3).allSatisfy(s -> {
            assertThat(s.title()).doesNotContain("482916");
            assertThat(s.lines()).noneMatch(line -> line.contains("482916"));
        });
        assertThat(seen.get(1).input()).isEqualTo(InputKind.PIN);
        assertThat(seen.get(2)).isEqualTo(HOME);
    }

    @Test
    void typedTextAnswersOnlyOnce() throws Exception {
        Future<String> answer = device.submit(() -> screen.ask(InputKind.WORD, "Word 1 of 12", List.of()));
        awaitInput(InputKind.WORD);

        assertThat(screen.type("abandon")).isTrue();
        assertThat(screen.type("ability")).isFalse();
        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo("abandon");
    }

    @Test
    void aButtonDoesNotAnswerATypedPromptNorTextAButtonPrompt() throws Exception {
        Future<String> word = device.submit(() -> screen.ask(InputKind.WORD, "Word", List.of()));
        awaitInput(InputKind.WORD);
        assertThat(screen.press(Button.CONFIRM)).isFalse();
        assertThat(screen.current().input()).isEqualTo(InputKind.WORD);
        screen.type("zoo");
        word.get(5, TimeUnit.SECONDS);

        Future<Boolean> confirm = device.submit(() -> screen.confirm("OK?", List.of()));
        awaitInput(InputKind.CONFIRM);
        assertThat(screen.type("yes")).isFalse();
        assertThat(screen.current().input()).isEqualTo(InputKind.CONFIRM);
        screen.press(Button.REJECT);
        assertThat(confirm.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void pressAndTypeWhileNothingWaitsChangeNothing() {
        assertThat(screen.press(Button.CONFIRM)).isFalse();
        assertThat(screen.type("1234")).isFalse();
        assertThat(screen.current()).isEqualTo(HOME);
    }

    @Test
    void cancelEndsTheWaitingPromptWithHostCancel() throws Exception {
        Future<Boolean> answer = device.submit(() -> screen.confirm("Sign?", List.of()));
        awaitInput(InputKind.CONFIRM);

        assertThat(screen.cancel()).isTrue();
        assertThat(reasonOf(answer)).isEqualTo(CancelledException.Reason.HOST_CANCEL);
        assertThat(screen.current()).isEqualTo(HOME);
        assertThat(screen.press(Button.CONFIRM)).isFalse();
    }

    @Test
    void cancelEndsATypedPromptToo() throws Exception {
        Future<String> answer = device.submit(() -> screen.ask(InputKind.PASSWORD, "Password", List.of()));
        awaitInput(InputKind.PASSWORD);

        assertThat(screen.cancel()).isTrue();
        assertThat(reasonOf(answer)).isEqualTo(CancelledException.Reason.HOST_CANCEL);
    }

    @Test
    void cancelWhileNothingWaitsIsIgnored() {
        assertThat(screen.cancel()).isFalse();
        assertThat(screen.current()).isEqualTo(HOME);
    }

    @Test
    void aPromptEndsWithDeadlineWhenItsTimeoutPasses() throws Exception {
        long start = System.nanoTime();
        Future<Boolean> answer = device.submit(() -> screen.confirm("Sign?", List.of(), Duration.ofMillis(100)));

        assertThat(reasonOf(answer)).isEqualTo(CancelledException.Reason.DEADLINE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(screen.current()).isEqualTo(HOME);
        assertThat(screen.press(Button.CONFIRM)).isFalse();
    }

    @Test
    void anAnswerBeforeTheDeadlineWins() throws Exception {
        Future<String> answer = device.submit(() -> screen.ask(InputKind.TEXT, "Name", List.of(), Duration.ofSeconds(30)));
        awaitInput(InputKind.TEXT);

        screen.type("savings");
        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo("savings");
    }

    @Test
    void interruptingTheWaitingThreadEndsThePromptAndKeepsTheFlag() throws Exception {
        AtomicBoolean flagKept = new AtomicBoolean();
        Future<Boolean> answer = device.submit(() -> {
            try {
                return screen.confirm("Sign?", List.of());
            } finally {
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        awaitInput(InputKind.CONFIRM);

        answer.cancel(true);
        device.shutdown();
        assertThat(device.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(flagKept).isTrue();
        assertThat(screen.current()).isEqualTo(HOME);
    }

    @Test
    void interruptedPromptThrowsInterruptedReason() {
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> screen.confirm("Sign?", List.of()))
                .isInstanceOfSatisfying(CancelledException.class,
                        e -> assertThat(e.reason()).isEqualTo(CancelledException.Reason.INTERRUPTED));
        assertThat(Thread.interrupted()).isTrue();
        assertThat(screen.current()).isEqualTo(HOME);
    }

    @Test
    void aSecondPromptWhileOneWaitsIsRefused() throws Exception {
        Future<Boolean> answer = device.submit(() -> screen.confirm("Sign?", List.of()));
        awaitInput(InputKind.CONFIRM);

        assertThatThrownBy(() -> screen.ask(InputKind.PIN, "PIN", List.of())).isInstanceOf(IllegalStateException.class);
        assertThat(screen.current().input()).isEqualTo(InputKind.CONFIRM);
        screen.press(Button.CONFIRM);
        assertThat(answer.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void showDuringAPromptKeepsThePromptAndComesBackAfterIt() throws Exception {
        Future<Boolean> answer = device.submit(() -> screen.confirm("Sign?", List.of()));
        awaitInput(InputKind.CONFIRM);
        Screen next = Screen.info("Locked", List.of());

        screen.show(next);
        assertThat(screen.current().title()).isEqualTo("Sign?");
        screen.press(Button.CONFIRM);
        answer.get(5, TimeUnit.SECONDS);
        assertThat(screen.current()).isEqualTo(next);
    }

    @Test
    void listenersGetTheCurrentScreenAtOnceThenEveryChangeInOrder() {
        List<Screen> seen = new CopyOnWriteArrayList<>();
        ScreenListener.Registration registration = screen.addListener(seen::add);
        Screen a = Screen.info("a", List.of("1"));
        Screen b = Screen.info("b", List.of("2"));

        screen.show(a);
        screen.show(b);
        registration.close();
        screen.show(HOME);

        assertThat(seen).containsExactly(HOME, a, b);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersNorTheDevice() {
        List<Screen> seen = new CopyOnWriteArrayList<>();
        screen.addListener(s -> {
            if (!s.equals(HOME)) {
                throw new IllegalStateException("broken listener");
            }
        });
        screen.addListener(seen::add);
        Screen next = Screen.info("next", List.of());

        screen.show(next);

        assertThat(seen).containsExactly(HOME, next);
        assertThat(screen.current()).isEqualTo(next);
    }

    @Test
    void showRefusesAScreenThatWaitsForInput() {
        assertThatThrownBy(() -> screen.show(new Screen("x", List.of(), InputKind.CONFIRM)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void askRefusesAKindThatIsNotTyped() {
        assertThatThrownBy(() -> screen.ask(InputKind.CONFIRM, "x", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> screen.ask(InputKind.NONE, "x", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(screen.current()).isEqualTo(HOME);
    }

    @Test
    void aScreensToStringHidesItsText() {
        Screen words = Screen.info("Write down words 1-4", List.of("1 abandon", "2 zoo"));
        assertThat(words.toString()).doesNotContain("abandon", "zoo", "Write down").contains("2 lines");
    }

    @Test
    void aScreenCopiesItsLines() {
        List<String> lines = new java.util.ArrayList<>(List.of("one"));
        Screen s = Screen.info("t", lines);
        lines.add("two");
        assertThat(s.lines()).containsExactly("one");
    }

    @Test
    void inputKindsHaveTheirWireNames() {
        assertThat(List.of(InputKind.values())).extracting(InputKind::wireName)
                .containsExactly("none", "confirm", "word", "pin", "password", "text");
        for (InputKind kind : InputKind.values()) {
            assertThat(InputKind.fromWireName(kind.wireName())).contains(kind);
        }
        assertThat(InputKind.fromWireName("PIN")).isEmpty();
    }

    private void awaitInput(InputKind kind) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (screen.current().input() != kind) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the device never waited for " + kind);
            }
            Thread.sleep(2);
        }
    }

    private static CancelledException.Reason reasonOf(Future<?> answer) throws Exception {
        try {
            answer.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(CancelledException.class);
            return ((CancelledException) e.getCause()).reason();
        }
        throw new AssertionError("the prompt was answered");
    }
}
