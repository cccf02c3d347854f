package dev.hwbridge.simulator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Plays the user through the automation HTTP API, as an external test harness would. */
public final class AutomationClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    public AutomationClient(URI base) {
        this.base = base;
    }

    public JsonNode screen() {
        return readTree(get("screen"));
    }

    /** Polls {@code GET /screen} until it waits for {@code input} with a title starting {@code title}. */
    public JsonNode await(String input, String title) {
        return await(node -> node.path("input").asText().equals(input) && node.path("title").asText().startsWith(title),
                input + " \"" + title + "\"");
    }

    public JsonNode await(Predicate<JsonNode> wanted, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode node = readTree(get("screen"));
            if (wanted.test(node)) {
                return node;
            }
            sleep();
        }
        throw new AssertionError("the automation API never showed " + what);
    }

    public void press(String action) {
        post("button", JSON.createObjectNode().put("action", action).toString());
    }

    public void input(String text) {
        post("input", JSON.createObjectNode().put("text", text).toString());
    }

    private String get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    private void post(String path, String body) {
        send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(request.uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
