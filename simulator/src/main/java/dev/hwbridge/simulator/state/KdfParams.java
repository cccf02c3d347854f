package dev.hwbridge.simulator.state;

/**
 * Argon2id cost of turning a PIN into the state key: memory in KiB, passes, lanes. Stored in each
 * state file, so files written with older (cheaper) parameters still open after {@link #DEFAULT}
 * is raised.
 *
 * @param memoryKiB   8 × parallelism … {@link #MAX_MEMORY_KIB}
 * @param iterations  1 … {@link #MAX_ITERATIONS}
 * @param parallelism 1 … {@link #MAX_PARALLELISM}
 */
public record KdfParams(int memoryKiB, int iterations, int parallelism) {

    /**
     * 32 MiB, 2 passes, 1 lane: about 100–300 ms with BouncyCastle on the 2-core build machine
     * (OWASP's floor is 19 MiB × 2). A PIN has little entropy, so this cost is what an offline
     * guesser pays per guess; raise it when the hardware allows.
     */
    public static final KdfParams DEFAULT = new KdfParams(32 * 1024, 2, 1);

    /** Bounds on what a state file may ask for, so a crafted file cannot exhaust the heap or the CPU. */
    public static final int MAX_MEMORY_KIB = 1024 * 1024;
    public static final int MAX_ITERATIONS = 64;
    public static final int MAX_PARALLELISM = 16;

    public KdfParams {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1.." + MAX_PARALLELISM);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1.." + MAX_ITERATIONS);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("memory must be 8×parallelism.." + MAX_MEMORY_KIB + " KiB");
        }
    }
}
