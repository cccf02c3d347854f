package dev.hwbridge.bench.bridge;

import java.io.IOException;

/**
 * The baseline of the daemon's start and memory rows: a JVM that prints one line as soon as it
 * runs and then waits for its stdin to close. What the daemon costs beyond this is its own.
 */
public final class BareJvm {

    static final String READY = "bare jvm ready";

    private BareJvm() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(READY);
        System.out.flush();
        while (System.in.read() >= 0) {
            // Until the bench closes our stdin or stops us.
        }
    }
}
