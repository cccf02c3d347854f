package dev.hwbridge.daemon.origin;

import java.time.Instant;
import java.util.Objects;

/**
 * One origin the user approved.
 *
 * @param origin     normalised, {@code scheme://host[:port]}
 * @param appName    the name the page gave ({@code web3Enable}'s), shown to the user; not checked
 * @param kind       a web page or an extension
 * @param approvedAt when the user approved it
 */
public record OriginRecord(String origin, String appName, OriginKind kind, Instant approvedAt) {

    /** Longest app name kept; a longer one is cut. */
    public static final int MAX_APP_NAME = 128;

    public OriginRecord {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(approvedAt, "approvedAt");
        if (appName.length() > MAX_APP_NAME) {
            appName = appName.substring(0, MAX_APP_NAME);
        }
    }
}
