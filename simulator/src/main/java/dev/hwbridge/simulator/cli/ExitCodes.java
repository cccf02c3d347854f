package dev.hwbridge.simulator.cli;

/** The exit statuses of the simulator command line; scripts depend on them, so never renumber. */
public final class ExitCodes {

    /** The command did what was asked; for {@code verify}: the signature is valid. */
    public static final int OK = 0;
    /** {@code verify} only: the signature is well-formed input but not valid. */
    public static final int INVALID_SIGNATURE = 1;
    /** {@code decode} only: a well-formed proof, payload and hash that do not verify together. */
    public static final int NOT_VERIFIED = 1;
    /** Bad input: a usage error, an unreadable file, a bad phrase, path, hex, JSON file or password. */
    public static final int BAD_INPUT = 2;
    /** A defect in the simulator itself (anything that is not the caller's input). */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
