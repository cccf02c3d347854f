package dev.hwbridge.simulator.keys.sr25519;

import java.security.SecureRandom;

/** {@link WitnessRng#secure()}: one shared SecureRandom (itself thread-safe). */
final class SecureWitnessRng implements WitnessRng {

    static final SecureWitnessRng INSTANCE = new SecureWitnessRng();

    private final SecureRandom random = new SecureRandom();

    private SecureWitnessRng() {
    }

    @Override
    public void nextBytes(byte[] out) {
        random.nextBytes(out);
    }

    @Override
    public String toString() {
        return "WitnessRng.secure()";
    }
}
