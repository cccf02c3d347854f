package dev.hwbridge.simulator.automation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.simulator.screen.DeviceScreen;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Junk bodies sent over real HTTP: always 400 (or 409 for the rare junk that is a valid body), never 500. */
class AutomationJunkProperties {

    /** The documented body rule: one JSON value, nothing after it, no duplicate keys. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static AutomationServer server;

    @BeforeContainer
    static void start() throws IOException {
        server = AutomationServer.start(new DeviceScreen(), 0);
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(BodiesProperties.jsonishJunk(), Arbitraries.strings().ofMaxLength(300));
    }

    @Property(tries = 200)
    void junkToButtonIsRefusedWith400(@ForAll("junk") String body) throws Exception {
        int status = post("/button", body);
        assertThat(status).isEqualTo(isExactly(body, "action", Set.of("confirm", "reject")) ? 409 : 400);
    }

    @Property(tries = 200)
    void junkToInputIsRefusedWith400(@ForAll("junk") String body) throws Exception {
        int status = post("/input", body);
        assertThat(status).isEqualTo(isExactly(body, "text", null) ? 409 : 400);
    }

    private static int post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Whether {@code body} is, by an independent reading, an object with only a textual {@code field}. */
    private static boolean isExactly(String body, String field, Set<String> allowed) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() && node.size() == 1 && node.path(field).isTextual()
                    && (allowed == null || allowed.contains(node.get(field).asText()));
        } catch (IOException e) {
            return false;
        }
    }
}
