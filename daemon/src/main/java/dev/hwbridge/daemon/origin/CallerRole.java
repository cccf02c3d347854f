package dev.hwbridge.daemon.origin;

/** Who is at the other end of a connection, as far as origin approval cares. */
public enum CallerRole {
    /** No Origin header: a native app or a script. Any local process can do as much. */
    NATIVE,
    /** The daemon's own wallet page (its own origin). */
    OWN_PAGE,
    /** A browser extension let in: the hwbridge extension's fixed id, an approved one, or {@code --allow-origin}. */
    EXTENSION,
    /** A web page allowed by {@code --allow-origin}, talking to the daemon directly. */
    WEB_PAGE,
    /** A web page talking through the extension ({@code params.pageOrigin}). */
    PAGE_VIA_EXTENSION;

    /** Whether it may answer prompts and withdraw approvals: the user's own tools, never a web page. */
    public boolean mayDecide() {
        return this == NATIVE || this == OWN_PAGE || this == EXTENSION;
    }
}
