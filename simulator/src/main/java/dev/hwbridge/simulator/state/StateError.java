package dev.hwbridge.simulator.state;

/** Stable codes of state-at-rest failures; never rename. */
public enum StateError {
    /** The state is intact but the PIN does not open it. */
    WRONG_PIN,
    /** A state or counter file is damaged, truncated, of an unknown version or out of bounds. */
    CORRUPT,
    /** Reading or writing the state directory failed. */
    IO,
    /** Another store (in this process or another) holds the state directory. */
    IN_USE,
    /** The state directory exists but group or others may read, write or enter it. */
    INSECURE_DIRECTORY
}
