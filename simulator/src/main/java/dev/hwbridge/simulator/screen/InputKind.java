package dev.hwbridge.simulator.screen;

import java.util.Optional;

/** What the device waits for while a screen is shown; {@link #wireName()} is the automation API's name. */
public enum InputKind {
    /** Informational: the device waits for nothing. */
    NONE("none"),
    /** The confirm and reject buttons. */
    CONFIRM("confirm"),
    /** One BIP39 word (recovery, backup check). */
    WORD("word"),
    /** The PIN; never echoed on the screen. */
    PIN("pin"),
    /** A {@code ///password} or an export password; never echoed on the screen. */
    PASSWORD("password"),
    /** Free text such as an identity name. */
    TEXT("text");

    private final String wireName;

    InputKind(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used in JSON: {@code "none"}, {@code "confirm"}, {@code "word"}, … */
    public String wireName() {
        return wireName;
    }

    /** True for the kinds answered by typing text rather than pressing a button. */
    public boolean isTyped() {
        return this == WORD || this == PIN || this == PASSWORD || this == TEXT;
    }

    /** True for the kinds whose typed text is a secret a screen must not show. */
    public boolean isSecret() {
        return this == PIN || this == PASSWORD;
    }

    /** The kind with this JSON name, if any. */
    public static Optional<InputKind> fromWireName(String name) {
        for (InputKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
