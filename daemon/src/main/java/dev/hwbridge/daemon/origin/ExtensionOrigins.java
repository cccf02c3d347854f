package dev.hwbridge.daemon.origin;

import java.util.Locale;

/**
 * The origins of browser extensions. The hwbridge extension's Chromium id is fixed by the public
 * key in {@code src/extension/manifest.json} ({@code key}), so the daemon can allow it by default;
 * a Firefox install gets a random {@code moz-extension://} origin that the user approves once.
 */
public final class ExtensionOrigins {

    /** The first 32 hex digits of the SHA-256 of the manifest's key, written with a..p for 0..f. */
    public static final String CHROMIUM_ID = "hcakfomikcnpdlnmkdlhkefhploogbde";
    public static final String CHROMIUM = "chrome-extension://" + CHROMIUM_ID;

    private ExtensionOrigins() {
    }

    /** Whether {@code origin} (normalised) is a browser extension's rather than a web page's. */
    public static boolean isExtension(String origin) {
        String lower = origin.toLowerCase(Locale.ROOT);
        return lower.startsWith("chrome-extension://") || lower.startsWith("moz-extension://");
    }
}
