package dev.hwbridge.daemon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.rpc.RpcError;
import dev.hwbridge.daemon.rpc.RpcException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * A strict reader of one call's params: an object (or nothing) whose members are all known to the
 * method, each of the expected type and within its bounds. Every refusal is INVALID_PARAMS naming
 * the field (in the message and as {@code data.field}); no message repeats a value, which may be a
 * password or a payload.
 */
final class Params {

    private final JsonNode node;

    private Params(JsonNode node) {
        this.node = node;
    }

    /**
     * @param params  the "params" member as the dispatcher passes it (NullNode when absent)
     * @param allowed every member the method knows
     */
    static Params of(JsonNode params, Set<String> allowed) throws RpcException {
        if (params == null || params.isNull() || params.isMissingNode()) {
            return new Params(JsonNodeFactory.instance.objectNode());
        }
        if (!params.isObject()) {
            throw new RpcException(RpcError.INVALID_PARAMS, "params must be an object");
        }
        for (Iterator<String> names = params.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw invalid(name.length() <= 64 ? name : name.substring(0, 64), "unknown param");
            }
        }
        return new Params(params);
    }

    /** True if the member is present and not null. */
    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    /** A required non-empty string of at most {@code maxLength} characters. */
    String text(String name, int maxLength) throws RpcException {
        return optionalText(name, maxLength).orElseThrow(() -> invalid(name, "is required"));
    }

    /** An optional string; absent or null gives empty. Present, it is non-empty and bounded. */
    Optional<String> optionalText(String name, int maxLength) throws RpcException {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode value = node.get(name);
        if (!value.isTextual()) {
            throw invalid(name, "must be a string");
        }
        String text = value.textValue();
        if (text.isEmpty()) {
            throw invalid(name, "must not be empty");
        }
        if (text.length() > maxLength) {
            throw invalid(name, "must have at most " + maxLength + " characters");
        }
        return Optional.of(text);
    }

    /** An optional boolean, false when absent. */
    boolean flag(String name) throws RpcException {
        if (!has(name)) {
            return false;
        }
        JsonNode value = node.get(name);
        if (!value.isBoolean()) {
            throw invalid(name, "must be true or false");
        }
        return value.booleanValue();
    }

    /** A required integer in {@code min..max}. */
    int integer(String name, int min, int max) throws RpcException {
        return optionalInteger(name, min, max).orElseThrow(() -> invalid(name, "is required"));
    }

    Optional<Integer> optionalInteger(String name, int min, int max) throws RpcException {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode value = node.get(name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid(name, "must be an integer");
        }
        int number = value.intValue();
        if (number < min || number > max) {
            throw invalid(name, "must be between " + min + " and " + max);
        }
        return Optional.of(number);
    }

    /** A required member of any JSON type. */
    JsonNode node(String name) throws RpcException {
        if (!has(name)) {
            throw invalid(name, "is required");
        }
        return node.get(name);
    }

    /** A required JSON object. */
    JsonNode object(String name) throws RpcException {
        JsonNode value = node(name);
        if (!value.isObject()) {
            throw invalid(name, "must be an object");
        }
        return value;
    }

    /** INVALID_PARAMS for {@code field}: the message is "{field} {problem}". */
    static RpcException invalid(String field, String problem) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("field", field);
        return new RpcException(RpcError.INVALID_PARAMS, field + " " + problem, data);
    }
}
