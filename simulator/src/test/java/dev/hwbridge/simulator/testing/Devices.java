package dev.hwbridge.simulator.testing;

import dev.hwbridge.simulator.Simulator;
import dev.hwbridge.simulator.state.KdfParams;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Starting simulators the way tests want them: any free ports, cheap Argon2, recorded PIN delays. */
public final class Devices {

    /** Argon2 at its minimum: tests check behaviour, not cost. */
    public static final KdfParams CHEAP_KDF = new KdfParams(8, 1, 1);

    private Devices() {
    }

    /** A builder on free ports with the cheap KDF and a sleeper that records instead of waiting. */
    public static Simulator.Builder builder(List<Duration> delays) {
        return Simulator.builder().udpPort(0).automationPort(0).kdf(CHEAP_KDF).sleeper(delays::add);
    }

    public static Simulator.Builder builder() {
        return builder(new CopyOnWriteArrayList<>());
    }
}
