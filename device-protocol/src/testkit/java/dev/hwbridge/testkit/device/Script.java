package dev.hwbridge.testkit.device;

import dev.hwbridge.protocol.framing.Frame;
import dev.hwbridge.protocol.framing.FrameError;
import dev.hwbridge.protocol.framing.KeepaliveStatus;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.MessageException;
import dev.hwbridge.protocol.message.Messages;
import dev.hwbridge.protocol.message.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link ScriptedDevice} does with one request, step by step, like OkHttp's MockResponse.
 * Built fluently: {@code Script.create().reply(buttonRequest).keepalives(WAITING_FOR_USER, …).reply(signature)}.
 * The steps run on the device's own thread, each frame's reports sent together.
 */
public final class Script {

    /** One step; returns false to end the exchange early (the rest of the script is skipped). */
    @FunctionalInterface
    public interface Step {
        boolean perform(ScriptedDevice device, int channel) throws IOException, InterruptedException;
    }

    /** How often a device that waits for the user sends a KEEPALIVE in these scripts. */
    public static final Duration KEEPALIVE_EVERY = Duration.ofMillis(100);

    private final List<Step> steps = new ArrayList<>();

    public static Script create() {
        return new Script();
    }

    /** Sends a MSG frame carrying {@code response} on the request's channel. */
    public Script reply(Response response) {
        encode(response); // fail while scripting, not on the device's thread
        return step((device, channel) -> {
            device.reply(channel, response);
            return true;
        });
    }

    public Script keepalive(KeepaliveStatus status) {
        return step((device, channel) -> {
            device.send(Frame.keepalive(channel, status));
            return true;
        });
    }

    /** KEEPALIVEs every {@link #KEEPALIVE_EVERY} for {@code total}, deaf to CANCEL (a device stuck in a computation). */
    public Script keepalives(KeepaliveStatus status, Duration total) {
        return step((device, channel) -> {
            long end = System.nanoTime() + total.toNanos();
            while (System.nanoTime() - end < 0) {
                device.send(Frame.keepalive(channel, status));
                Thread.sleep(KEEPALIVE_EVERY.toMillis());
            }
            return true;
        });
    }

    /** Silence for {@code duration}. */
    public Script pause(Duration duration) {
        return step((device, channel) -> {
            Thread.sleep(duration.toMillis());
            return true;
        });
    }

    /** Sends an ERROR frame on the request's channel and ends the exchange. */
    public Script error(FrameError error) {
        return step((device, channel) -> {
            device.refuseExchange(channel, error);
            return false;
        });
    }

    /**
     * Waits for the user as a real device does (KEEPALIVE 02 every {@link #KEEPALIVE_EVERY}) until
     * a CANCEL arrives, then ends the exchange with {@code Failure{CANCELLED}}. If none arrives
     * within {@code limit}, goes on with the next step.
     */
    public Script awaitCancel(Duration limit) {
        return step((device, channel) -> {
            if (device.awaitCancel(channel, limit)) {
                device.reply(channel, Responses.failure(Failure.Code.CANCELLED));
                return false;
            }
            return true;
        });
    }

    /** Sends one raw report, unchecked. */
    public Script report(byte[] report) {
        byte[] copy = report.clone();
        return step((device, channel) -> {
            device.sendReport(copy);
            return true;
        });
    }

    public Script fault(DeviceFault fault) {
        return step((device, channel) -> device.perform(fault, channel));
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    private Script step(Step step) {
        steps.add(step);
        return this;
    }

    public static byte[] encode(Response response) {
        try {
            return Messages.encode(response);
        } catch (MessageException e) {
            throw new IllegalArgumentException("a script cannot send " + response.getBodyCase(), e);
        }
    }
}
