package dev.hwbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The user's hand on a simulator in another process, through its automation API (GET /screen, POST /button). */
final class ScreenClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ScreenClient(URI base) {
        this.base = base;
    }

    /** {@code {"title","lines","input"}}; input is "none" on the idle screen. */
    JsonNode current() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/screen"))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET /screen: %s", response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Waits until the screen waits for {@code input} ("confirm", "none", …); returns it. */
    JsonNode await(String input) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode now = current();
        while (!now.get("input").asText().equals(input)) {
            assertThat(System.nanoTime()).as("the screen to wait for %s; it shows %s", input, now).isLessThan(deadline);
            Thread.sleep(20);
            now = current();
        }
        return now;
    }
}
