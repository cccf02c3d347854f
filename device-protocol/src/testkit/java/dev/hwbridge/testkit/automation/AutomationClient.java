package dev.hwbridge.testkit.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The user's hand on a simulated device through its HTTP automation API ({@code GET /screen},
 * {@code POST /button}, {@code POST /input}), as an external test harness or another process
 * would: waits for what the screen asks, then presses or types. A screen is
 * {@code {"title","lines","input"}}; {@code input} is "none" on the idle screen. Failures are
 * AssertionErrors.
 */
public final class AutomationClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generous: a person's steps on a shared, busy machine. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public AutomationClient(URI base) {
        this.base = base;
    }

    public JsonNode screen() {
        return readTree(send(HttpRequest.newBuilder(base.resolve("/screen")).timeout(Duration.ofSeconds(10)).GET()
                .build()));
    }

    /** Waits until the screen waits for {@code input} ("confirm", "word", "pin", "none", …); returns it. */
    public JsonNode await(String input) {
        return await(node -> node.path("input").asText().equals(input), input);
    }

    /** Waits until the screen waits for {@code input} with a title starting {@code title}; returns it. */
    public JsonNode await(String input, String title) {
        return await(node -> node.path("input").asText().equals(input) && node.path("title").asText().startsWith(title),
                input + " \"" + title + "\"");
    }

    public JsonNode await(Predicate<JsonNode> wanted, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode now = screen();
        while (!wanted.test(now)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the device never showed " + what + " within " + WAIT + "; it shows " + now);
            }
            sleep();
            now = screen();
        }
        return now;
    }

    /** Waits for a confirm screen and confirms it; returns what it showed. */
    public JsonNode confirm() {
        JsonNode shown = await("confirm");
        press("confirm");
        return shown;
    }

    /** Waits for a confirm screen and rejects it; returns what it showed. */
    public JsonNode reject() {
        JsonNode shown = await("confirm");
        press("reject");
        return shown;
    }

    /** Waits for a prompt of {@code input} and types {@code text} on the device; returns what it showed. */
    public JsonNode type(String input, String text) {
        JsonNode shown = await(input);
        input(text);
        return shown;
    }

    /** Presses a button ("confirm" or "reject") whatever the screen shows. */
    public void press(String action) {
        post("/button", JSON.createObjectNode().put("action", action).toString());
    }

    /** Types {@code text} whatever the screen shows. */
    public void input(String text) {
        post("/input", JSON.createObjectNode().put("text", text).toString());
    }

    private void post(String path, String body) {
        send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri().getPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
