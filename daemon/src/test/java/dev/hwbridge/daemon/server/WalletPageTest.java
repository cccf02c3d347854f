package dev.hwbridge.daemon.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The wallet page the daemon ships in its {@code /web/} resources, served as the daemon serves it. */
class WalletPageTest {

    private static final Pattern LINKED = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
    private static final Pattern IMPORTED = Pattern.compile("from \"\\./([^\"]+)\"");

    private final EmbeddedChannel channel = new EmbeddedChannel(
            new StaticResourceHandler(WalletPageTest.class.getClassLoader(), DaemonChannelInitializer.WEB_ROOT));

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
    }

    /** The status, content type and body of GET {@code uri}. */
    private record Served(int status, String type, String body) {
    }

    private Served get(String uri) {
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri));
        FullHttpResponse response = channel.readOutbound();
        try {
            return new Served(response.status().code(), response.headers().get(HttpHeaderNames.CONTENT_TYPE),
                    response.content().toString(StandardCharsets.UTF_8));
        } finally {
            response.release();
        }
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void rootIsTheWalletPageLoadingItsModuleAndStyles() {
        Served page = get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.type()).isEqualTo("text/html; charset=utf-8");
        assertThat(page.body()).contains("<title>hwbridge wallet</title>")
                .contains("<script type=\"module\" src=\"app.js\"></script>")
                .contains("<link rel=\"stylesheet\" href=\"style.css\">");
    }

    @Test
    void everyFileThePageLoadsIsServedFromTheDaemonWithItsType() {
        Set<String> files = new LinkedHashSet<>(all(LINKED, get("/").body()));
        // Modules import each other: follow the imports of every script found.
        List<String> queue = new ArrayList<>(files);
        while (!queue.isEmpty()) {
            String file = queue.remove(0);
            Served served = get("/" + file);
            assertThat(served.status()).as(file).isEqualTo(200);
            if (file.endsWith(".js")) {
                assertThat(served.type()).as(file).startsWith("text/javascript");
                for (String imported : all(IMPORTED, served.body())) {
                    if (files.add(imported)) {
                        queue.add(imported);
                    }
                }
            } else if (file.endsWith(".svg")) {
                assertThat(served.type()).as(file).isEqualTo("image/svg+xml");
            } else {
                assertThat(served.type()).as(file).startsWith("text/css");
            }
        }
        assertThat(files).containsExactlyInAnyOrder("favicon.svg", "style.css", "app.js", "hwbridge.js", "messages.js",
                "files.js");
    }

    @Test
    void pageNeedsNothingInlineOrFromElsewhereSoAStrictContentSecurityPolicyFits() {
        String page = get("/").body();

        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                .doesNotContain("<style")
                .doesNotContainPattern("\\sstyle=")
                .doesNotContainPattern("\\son[a-z]+=")
                .doesNotContain("javascript:");
        assertThat(all(LINKED, page)).allSatisfy(link -> assertThat(link).matches("[a-z]+\\.(js|css|svg)"));
        for (String file : List.of("app.js", "hwbridge.js", "messages.js", "files.js", "style.css")) {
            assertThat(get("/" + file).body()).as(file)
                    .doesNotContain("http://", "https://", "eval(", "new Function", "innerHTML", "@import");
        }
    }

    @Test
    void pageRestrictsItselfToItsOwnFilesAndTheDaemonsSocket() {
        // The daemon sends only frame-ancestors; the page adds the rest itself, so an injected
        // script or a request elsewhere is refused by the browser whatever the server sends.
        String page = get("/").body();

        assertThat(page).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; "
                + "form-action 'none'\">");
    }

    @Test
    void theClientThePageUsesIsTheJavaScriptClientOfTheRepositoryUnchanged() throws IOException {
        // Surefire runs in the module's folder; the client's one source is src/client/lib.
        String source = Files.readString(Path.of("..", "src", "client", "lib", "hwbridge.js"), StandardCharsets.UTF_8);

        assertThat(get("/hwbridge.js").body()).isEqualTo(source);
    }
}
