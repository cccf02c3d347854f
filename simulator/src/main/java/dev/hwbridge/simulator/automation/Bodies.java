package dev.hwbridge.simulator.automation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.simulator.screen.Button;
import dev.hwbridge.simulator.screen.Screen;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The automation API's JSON: screens out, request bodies in. Bodies are validated strictly (one
 * object, exactly the expected field, no duplicates, nothing after it); every failure is an
 * {@link ApiException} {@code BAD_REQUEST} whose message never quotes the body, since an
 * {@code /input} body is a PIN or password.
 */
final class Bodies {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Bodies() {
    }

    /** {@code {"title":…,"lines":[…],"input":…}} as compact UTF-8 JSON (no newline inside). */
    static byte[] screen(Screen screen) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("title", screen.title());
        ArrayNode lines = node.putArray("lines");
        screen.lines().forEach(lines::add);
        node.put("input", screen.input().wireName());
        return json(node);
    }

    /** {@code {"ok":true}}. */
    static byte[] ok() {
        return json(MAPPER.createObjectNode().put("ok", true));
    }

    /** {@code {"error":code,"message":…}}. */
    static byte[] error(ApiError error, String message) {
        return json(MAPPER.createObjectNode().put("error", error.code()).put("message", message));
    }

    /** The button of a {@code {"action":"confirm"|"reject"}} body. */
    static Button button(byte[] body) {
        String action = onlyText(body, "action", "body must be {\"action\":\"confirm\"|\"reject\"}");
        switch (action) {
            case "confirm":
                return Button.CONFIRM;
            case "reject":
                return Button.REJECT;
            default:
                throw new ApiException(ApiError.BAD_REQUEST, "action must be \"confirm\" or \"reject\"");
        }
    }

    /** The text of a {@code {"text":"…"}} body. */
    static String input(byte[] body) {
        return onlyText(body, "text", "body must be {\"text\":\"…\"}");
    }

    private static String onlyText(byte[] body, String field, String shape) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            // Jackson's message may quote the input; it stays out of the answer and the log.
            throw new ApiException(ApiError.BAD_REQUEST, "body is not valid JSON; " + shape);
        }
        if (node == null || !node.isObject() || node.size() != 1 || !node.has(field) || !node.get(field).isTextual()) {
            throw new ApiException(ApiError.BAD_REQUEST, shape);
        }
        return node.get(field).textValue();
    }

    private static byte[] json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
