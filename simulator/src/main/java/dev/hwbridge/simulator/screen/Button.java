package dev.hwbridge.simulator.screen;

/** The device's two buttons. */
public enum Button {
    CONFIRM,
    REJECT
}
