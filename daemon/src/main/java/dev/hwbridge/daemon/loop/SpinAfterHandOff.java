package dev.hwbridge.daemon.loop;

import io.netty.channel.SelectStrategy;
import io.netty.channel.SelectStrategyFactory;
import io.netty.util.IntSupplier;
import io.netty.util.concurrent.FastThreadLocal;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How the daemon's I/O thread waits for work: blocked in its selector, as Netty's default does,
 * except for {@link #SPIN} after a call started and went on waiting (for its device, or on a worker
 * thread), when it polls the selector without blocking. The device's answer (a datagram from a
 * simulator, a report from a HID reader thread) and a worker's reply then find the thread awake and
 * are written at once instead of after a wake-up, which costs tens of µs on a virtual machine
 * (src/bench/RESULTS.md). The price is at most {@link #SPIN} of one core per call, and none while no
 * call is on its way; a call that waits for the user finds the thread asleep again.
 */
public final class SpinAfterHandOff implements SelectStrategy {

    /** Longer than most device exchanges (a UDP simulator answers in 40–150 µs), short next to a person. */
    static final Duration SPIN = Duration.ofNanos(250_000);

    /** Per I/O thread: until when it polls ({@link System#nanoTime()} time); both sides run on that thread. */
    private static final FastThreadLocal<long[]> SPIN_UNTIL = new FastThreadLocal<>() {
        @Override
        protected long[] initialValue() {
            return new long[] {Long.MIN_VALUE};
        }
    };

    private final LongSupplier nanoClock;

    SpinAfterHandOff(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** For the I/O thread's {@code NioIoHandler}: one strategy per thread. */
    static SelectStrategyFactory factory() {
        return () -> new SpinAfterHandOff(System::nanoTime);
    }

    /** Called on the I/O thread when a call it started goes on waiting, at {@code nowNanos}. */
    public static void handedOff(long nowNanos) {
        SPIN_UNTIL.get()[0] = nowNanos + SPIN.toNanos();
    }

    @Override
    public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
        if (hasTasks || spinning()) {
            return selectNow.get();
        }
        return SelectStrategy.SELECT;
    }

    /** Whether this thread handed a call off less than {@link #SPIN} ago. */
    private boolean spinning() {
        long until = SPIN_UNTIL.get()[0];
        return until != Long.MIN_VALUE && nanoClock.getAsLong() - until < 0;
    }
}
