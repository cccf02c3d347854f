package dev.hwbridge.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class InMemoryStateStoreTest {

    private static final char[] PIN = "1357".toCharArray();
    private static final byte[] STATE = "ephemeral identities".getBytes(StandardCharsets.UTF_8);

    private final InMemoryStateStore store = new InMemoryStateStore(EncryptedFileStateStoreTest.FAST, new SecureRandom());

    @Test
    void aSavedStateLoadsBack() {
        assertThat(store.exists()).isFalse();
        assertThat(store.load(PIN)).isEmpty();

        store.save(STATE, PIN);

        assertThat(store.exists()).isTrue();
        assertThat(store.load(PIN)).hasValueSatisfying(state -> assertThat(state).isEqualTo(STATE));
    }

    @Test
    void aWrongPinIsRefusedAsTheFileStoreRefusesIt() {
        store.save(STATE, PIN);

        assertThatThrownBy(() -> store.load("1358".toCharArray()))
                .isInstanceOfSatisfying(StateException.class, e -> assertThat(e.code()).isEqualTo(StateError.WRONG_PIN));
    }

    @Test
    void theCounterCountsAndResets() {
        assertThat(store.recordFailedAttempt()).isEqualTo(1);
        assertThat(store.recordFailedAttempt()).isEqualTo(2);
        assertThat(store.failedAttempts()).isEqualTo(2);

        store.resetFailedAttempts();

        assertThat(store.failedAttempts()).isZero();
    }

    @Test
    void wipeForgetsStateAndCounter() {
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
