package dev.hwbridge.daemon.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.daemon.rpc.CallAdmission;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectionRateLimiterTest {

    private final AtomicLong clock = new AtomicLong(5_000_000_000L);

    @Test
    void burstIsAdmittedAtOnceThenCallsWaitForTheirTokens() {
        // 10/s: a token every 100 ms; 0.3 s of debt allowed.
        ConnectionRateLimiter limiter = new ConnectionRateLimiter(
                new ConnectionLimits(10, 2, Duration.ofMillis(300), 5, 0, 8), clock::get);

        assertThat(limiter.admitNanos()).isZero();
        assertThat(limiter.admitNanos()).isZero();
        assertThat(limiter.admitNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(limiter.admitNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(limiter.admitNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
        assertThat(limiter.admitNanos()).isEqualTo(CallAdmission.REFUSE);
        assertThat(limiter.abusive()).isFalse();
    }

    @Test
    void timeRepaysTheDebt() {
        ConnectionRateLimiter limiter = new ConnectionRateLimiter(
                new ConnectionLimits(10, 1, Duration.ofMillis(100), 5, 0, 8), clock::get);
        limiter.admitNanos();
        limiter.admitNanos();
        assertThat(limiter.admitNanos()).isEqualTo(CallAdmission.REFUSE);

        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(300));

        assertThat(limiter.admitNanos()).isZero();
    }

    @Test
    void bucketNeverHoldsMoreThanTheBurst() {
        ConnectionRateLimiter limiter = new ConnectionRateLimiter(
                new ConnectionLimits(10, 2, Duration.ZERO, 5, 0, 8), clock::get);
        clock.addAndGet(TimeUnit.HOURS.toNanos(1));

        assertThat(limiter.admitNanos()).isZero();
        assertThat(limiter.admitNanos()).isZero();
        assertThat(limiter.admitNanos()).isEqualTo(CallAdmission.REFUSE);
    }

    @Test
    void refusalsBeyondTheBudgetMarkTheConnectionAbusive() {
        ConnectionRateLimiter limiter = new ConnectionRateLimiter(
                new ConnectionLimits(1, 1, Duration.ZERO, 2, 1, 8), clock::get);
        limiter.admitNanos();

        limiter.admitNanos();
        limiter.admitNanos();
        assertThat(limiter.abusive()).isFalse();
        limiter.admitNanos();

        assertThat(limiter.abusive()).isTrue();
    }

    @Test
    void occasionalRefusalsAreForgiven() {
        // One refusal per second is refilled: a client slightly over the rate is slowed, not closed.
        ConnectionRateLimiter limiter = new ConnectionRateLimiter(
                new ConnectionLimits(1, 1, Duration.ZERO, 1, 1, 8), clock::get);
        for (int second = 0; second < 30; second++) {
            limiter.admitNanos();
            limiter.admitNanos();
            clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        }
        assertThat(limiter.abusive()).isFalse();
    }

    @Test
    void limitsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new ConnectionLimits(0, 1, Duration.ZERO, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConnectionLimits(1, 0, Duration.ZERO, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConnectionLimits(1, 1, Duration.ofSeconds(-1), 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConnectionLimits(1, 1, Duration.ZERO, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
