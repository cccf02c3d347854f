package dev.hwbridge.simulator.device;

/** The simulated firmware's version, as INIT replies and Features report it. */
public final class FirmwareVersion {

    public static final int MAJOR = 0;
    public static final int MINOR = 1;
    public static final int BUILD = 0;
    /** {@code Features.model}. */
    public static final String MODEL = "hwbridge simulator";

    private FirmwareVersion() {
    }

    /** "major.minor.build". */
    public static String text() {
        return MAJOR + "." + MINOR + "." + BUILD;
    }
}
