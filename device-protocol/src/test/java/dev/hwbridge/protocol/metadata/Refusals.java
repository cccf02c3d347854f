package dev.hwbridge.protocol.metadata;

/** The code a refused call throws, so that tests say what is refused and why in one line. */
public final class Refusals {

    private Refusals() {
    }

    /** Runs {@code call}, which must throw a MetadataException; returns its code. */
    public static MetadataError codeOf(Runnable call) {
        try {
            call.run();
        } catch (MetadataException refused) {
            return refused.code();
        }
        throw new AssertionError("not refused");
    }
}
