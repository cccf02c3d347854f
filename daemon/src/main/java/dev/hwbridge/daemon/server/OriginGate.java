package dev.hwbridge.daemon.server;

/**
 * Origins let in while the daemon runs, beyond {@link AccessPolicy}'s fixed list: the browser
 * extensions the user approved on the wallet page (a Firefox install has a random origin no flag
 * could name in advance). Asked only about an Origin the policy refused, on a request whose Host
 * passed. Implementations are thread-safe and must not block: they run on an I/O thread.
 */
@FunctionalInterface
public interface OriginGate {

    /** Lets nothing more in. */
    OriginGate NONE = origin -> false;

    /**
     * @param origin a normalised origin ({@link AccessPolicy#normalizeOrigin}) the policy refused
     * @return true to let the request pass after all
     */
    boolean admits(String origin);
}
