package dev.hwbridge.daemon.rpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON-RPC 2.0 wire format: parsing frames under hard limits, telling requests from
 * notifications, and writing responses. Thread-safe.
 */
final class JsonRpcCodec {

    /** Deeper JSON is refused before it is built; no method takes anything near this deep. */
    static final int MAX_NESTING_DEPTH = 64;
    /** Digits in one number; ids and params never need more. */
    static final int MAX_NUMBER_LENGTH = 100;
    /**
     * Characters in one frame: a backstop only. The server's message meter (ServerCaps) already
     * bounds a message to 1 MiB of UTF-8, one at a time across the daemon to 4 MiB.
     */
    static final int MAX_DOCUMENT_CHARS = 4 << 20;

    private static final String VERSION = "2.0";

    private final ObjectMapper mapper;

    JsonRpcCodec() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(MAX_DOCUMENT_CHARS)
                        .maxDocumentLength(MAX_DOCUMENT_CHARS)
                        .build())
                // A request with two "method" or "id" members is ambiguous: refuse it.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Keeps a fractional or huge numeric id exactly as the client wrote it.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** What a frame or batch element turned out to be. */
    sealed interface Decoded permits Request, Invalid {
    }

    /**
     * A well-formed call. {@code id} is null for a notification (no "id" member), else a string,
     * number or {@code NullNode}; {@code params} is {@code NullNode} when absent.
     */
    record Request(JsonNode id, String method, JsonNode params) implements Decoded {
        boolean isNotification() {
            return id == null;
        }
    }

    /** Not a valid request; {@code id} is what the error response carries. */
    record Invalid(JsonNode id, String reason) implements Decoded {
    }

    /** A frame that is not JSON, or breaks a limit. The message never quotes the input. */
    static final class ParseFailure extends Exception {
        ParseFailure(String message) {
            super(message);
        }
    }

    /** Parses one frame into a tree. */
    JsonNode parse(String frame) throws ParseFailure {
        if (frame.length() > MAX_DOCUMENT_CHARS) {
            throw new ParseFailure("the frame is longer than " + MAX_DOCUMENT_CHARS + " characters");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(frame);
        } catch (StreamConstraintsException e) {
            throw new ParseFailure("the JSON breaks a limit: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new ParseFailure(where == null ? "invalid JSON"
                    : "invalid JSON at line " + where.getLineNr() + ", column " + where.getColumnNr());
        } catch (NumberFormatException e) {
            // Jackson's own, unchecked, for a number no BigDecimal holds (e.g. 1e700000000000).
            throw new ParseFailure("the JSON holds a number out of range");
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ParseFailure("the frame holds no JSON value");
        }
        return tree;
    }

    /** Tells one request object (a frame, or an element of a batch) apart from junk. */
    Decoded decode(JsonNode element) {
        if (!element.isObject()) {
            return new Invalid(NullNode.getInstance(), "a request must be a JSON object");
        }
        JsonNode idNode = element.get("id");
        JsonNode id;
        if (idNode == null) {
            id = null;
        } else if (idNode.isTextual() || idNode.isNumber() || idNode.isNull()) {
            id = idNode;
        } else {
            return new Invalid(NullNode.getInstance(), "\"id\" must be a string, a number or null");
        }
        JsonNode replyId = id == null ? NullNode.getInstance() : id;
        JsonNode version = element.get("jsonrpc");
        if (version == null || !version.isTextual() || !VERSION.equals(version.textValue())) {
            return new Invalid(replyId, "\"jsonrpc\" must be \"2.0\"");
        }
        JsonNode method = element.get("method");
        if (method == null || !method.isTextual() || method.textValue().isEmpty()) {
            return new Invalid(replyId, "\"method\" must be a non-empty string");
        }
        JsonNode params = element.get("params");
        if (params == null || params.isNull()) {
            params = NullNode.getInstance();
        } else if (!params.isContainerNode()) {
            return new Invalid(replyId, "\"params\" must be an object");
        }
        return new Request(id, method.textValue(), params);
    }

    ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode response = envelope(id);
        response.set("result", result == null ? NullNode.getInstance() : result);
        return response;
    }

    /**
     * An error response: {@code {code, message, data: {name, …}}}. Members of an object
     * {@code data} are copied beside "name"; any other non-null data goes in "detail".
     */
    ObjectNode error(JsonNode id, RpcError error, String message, JsonNode data) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", error.code());
        body.put("message", message == null || message.isBlank() ? error.name() : message);
        ObjectNode details = body.putObject("data");
        details.put("name", error.name());
        if (data != null && data.isObject()) {
            for (Map.Entry<String, JsonNode> field : data.properties()) {
                if (!field.getKey().equals("name")) {
                    details.set(field.getKey(), field.getValue());
                }
            }
        } else if (data != null && !data.isNull() && !data.isMissingNode()) {
            details.set("detail", data);
        }
        ObjectNode response = envelope(id);
        response.set("error", body);
        return response;
    }

    ObjectNode notification(String method, JsonNode params) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("jsonrpc", VERSION);
        message.put("method", method);
        if (params != null && !params.isNull() && !params.isMissingNode()) {
            message.set("params", params);
        }
        return message;
    }

    String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serialises; this would be a Jackson bug.
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode envelope(JsonNode id) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("jsonrpc", VERSION);
        response.set("id", id == null ? NullNode.getInstance() : id);
        return response;
    }
}
