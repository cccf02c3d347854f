package dev.hwbridge.daemon.origin;

import java.util.Locale;

/** What asks for approval: a web page (through the extension) or a browser extension itself. */
public enum OriginKind {
    PAGE,
    EXTENSION;

    /** The name in JSON and on disk: {@code "page"}, {@code "extension"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OriginKind ofWireName(String name) {
        for (OriginKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not an origin kind: " + name);
    }

    static OriginKind of(String origin) {
        return ExtensionOrigins.isExtension(origin) ? EXTENSION : PAGE;
    }
}
