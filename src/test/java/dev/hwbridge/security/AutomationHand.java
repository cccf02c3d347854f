package dev.hwbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's hand on the simulated device, through its HTTP automation API ({@code GET /screen},
 * {@code POST /button}, {@code POST /input}): waits for what the screen asks, then presses or
 * types. This traffic is the device's own and is not searched for secrets.
 */
final class AutomationHand {

    /** One screen as {@code GET /screen} shows it. */
    record Screen(String title, List<String> lines, String input) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    AutomationHand(URI base) {
        this.base = base;
    }

    Screen screen() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/screen")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode screen = JSON.readTree(response.body());
        List<String> lines = new ArrayList<>();
        screen.get("lines").forEach(line -> lines.add(line.asText()));
        return new Screen(screen.get("title").asText(), lines, screen.get("input").asText());
    }

    /** Waits until the device waits for {@code input} ("confirm", "word", "pin", "password"); returns that screen. */
    Screen await(String input) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Screen now = screen();
        while (!now.input().equals(input)) {
            assertThat(System.nanoTime()).as("the device to wait for %s; it shows %s", input, now).isLessThan(deadline);
            Thread.sleep(20);
            now = screen();
        }
        return now;
    }

    /** Waits for a confirm screen and confirms it; returns what it showed. */
    Screen confirm() throws IOException, InterruptedException {
        Screen shown = await("confirm");
        post("/button", JSON.createObjectNode().put("action", "confirm").toString());
        return shown;
    }

    /** Waits for a prompt of {@code input} and types {@code text} on the device; returns what it showed. */
    Screen type(String input, String text) throws IOException, InterruptedException {
        Screen shown = await(input);
        post("/input", JSON.createObjectNode().put("text", text).toString());
        return shown;
    }

    private void post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(200);
    }
}
