package dev.hwbridge.protocol.client;

import dev.hwbridge.protocol.message.Response;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Runs one client call on its own thread, so that a test can cancel or interrupt it, and collects what it saw. */
final class BackgroundCall {

    /** The call to run. */
    @FunctionalInterface
    interface Body {
        Response run(BlockingQueue<Response> interims) throws DeviceClientException;
    }

    private final BlockingQueue<Response> interims = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile Response response;
    private volatile Throwable failure;
    private volatile boolean interruptStatusAtEnd;

    private BackgroundCall(Body body) {
        thread = new Thread(() -> {
            try {
                response = body.run(interims);
            } catch (Throwable t) {
                failure = t;
            }
            interruptStatusAtEnd = Thread.currentThread().isInterrupted();
        }, "background-call");
        thread.setDaemon(true);
    }

    static BackgroundCall start(Body body) {
        BackgroundCall call = new BackgroundCall(body);
        call.thread.start();
        return call;
    }

    /** The next interim Response the call was told, or null if none came in time. */
    Response nextInterim(Duration timeout) throws InterruptedException {
        return interims.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    void interrupt() {
        thread.interrupt();
    }

    /** Waits for the call to end and returns what it threw; fails if it returned or is still running. */
    Throwable failure(Duration timeout) throws InterruptedException {
        join(timeout);
        if (failure == null) {
            throw new AssertionError("the call returned " + response + " instead of failing");
        }
        return failure;
    }

    /** Waits for the call to end and returns its Response; fails if it threw or is still running. */
    Response response(Duration timeout) throws InterruptedException {
        join(timeout);
        if (failure != null) {
            throw new AssertionError("the call failed", failure);
        }
        return response;
    }

    /** Whether the calling thread's interrupt status was set when the call ended. */
    boolean interruptStatusAtEnd() {
        return interruptStatusAtEnd;
    }

    private void join(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("the call did not end within " + timeout.toMillis() + " ms");
        }
    }
}
