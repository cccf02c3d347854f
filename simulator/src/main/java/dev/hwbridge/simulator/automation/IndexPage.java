package dev.hwbridge.simulator.automation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * {@code GET /}: the self-contained page that shows the screen and drives the device, with a
 * Content-Security-Policy that allows exactly its own inline script and style (by hash), talks
 * only to this server, and may not be framed (a framing page could trick a click on confirm).
 */
final class IndexPage {

    private static final String RESOURCE = "index.html";

    private final byte[] html;
    private final String contentSecurityPolicy;

    private IndexPage(byte[] html, String contentSecurityPolicy) {
        this.html = html;
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    static IndexPage load() {
        byte[] html;
        try (InputStream in = IndexPage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            html = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String text = new String(html, StandardCharsets.UTF_8);
        String csp = "default-src 'none'; script-src " + hashOf(text, "script") + "; style-src "
                + hashOf(text, "style") + "; connect-src 'self'; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'none'";
        return new IndexPage(html, csp);
    }

    byte[] html() {
        return html.clone();
    }

    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    /** The CSP source {@code 'sha256-…'} of the one inline {@code <tag>} block of the page. */
    static String hashOf(String page, String tag) {
        String open = "<" + tag + ">";
        int start = page.indexOf(open);
        int end = page.indexOf("</" + tag + ">");
        if (start < 0 || end < start || page.indexOf(open, start + 1) >= 0) {
            throw new IllegalStateException(RESOURCE + " must have exactly one plain <" + tag + "> block");
        }
        String body = page.substring(start + open.length(), end);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
