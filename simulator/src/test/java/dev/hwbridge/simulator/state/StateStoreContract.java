package dev.hwbridge.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} must do, whatever keeps its bytes; each implementation's test
 * extends this and adds its own cases.
 */
abstract class StateStoreContract {

    private static final char[] PIN = "1357".toCharArray();
    private static final byte[] STATE = "ephemeral identities".getBytes(StandardCharsets.UTF_8);

    /** A new, empty store; the subclass closes it after each test. */
    abstract StateStore newStore();

    /** Checks that an empty {@code store} saves {@code state} under {@code pin} and loads it back. */
    static void assertSavedStateLoadsBack(StateStore store, byte[] state, char[] pin) {
        assertThat(store.exists()).isFalse();
        assertThat(store.load(pin)).isEmpty();

        store.save(state, pin);

        assertThat(store.exists()).isTrue();
        assertThat(store.load(pin)).hasValueSatisfying(loaded -> assertThat(loaded).isEqualTo(state));
    }

    @Test
    void aSavedStateLoadsBack() {
        assertSavedStateLoadsBack(newStore(), STATE, PIN);
    }

    @Test
    void aWrongPinIsRefused() {
        StateStore store = newStore();
        store.save(STATE, PIN);

        assertThatThrownBy(() -> store.load("1358".toCharArray()))
                .isInstanceOfSatisfying(StateException.class, e -> assertThat(e.code()).isEqualTo(StateError.WRONG_PIN));
    }

    @Test
    void theCounterCountsAndResets() {
        StateStore store = newStore();
        assertThat(store.recordFailedAttempt()).isEqualTo(1);
        assertThat(store.recordFailedAttempt()).isEqualTo(2);
        assertThat(store.failedAttempts()).isEqualTo(2);

        store.resetFailedAttempts();

        assertThat(store.failedAttempts()).isZero();
    }

    @Test
    void wipeForgetsStateAndCounter() {
        StateStore store = newStore();
        store.save(STATE, PIN);
        store.recordFailedAttempt();

        store.wipe();

        assertThat(store.exists()).isFalse();
        assertThat(store.load(PIN)).isEmpty();
        assertThat(store.failedAttempts()).isZero();
        store.save(STATE, new char[0]);
        assertThat(store.load(new char[0])).hasValueSatisfying(state -> assertThat(state).isEqualTo(STATE));
    }
}
