package dev.hwbridge.daemon.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Just enough JSON Schema (draft 2020-12) to check documents against the backup schema: the
 * keywords in {@link #VALIDATING}; {@link #ANNOTATIONS} are ignored as the spec allows. A schema
 * using any other keyword is refused, so nothing is silently unchecked.
 */
final class MiniSchema {

    static final Set<String> VALIDATING = Set.of("type", "const", "enum", "required", "properties",
            "additionalProperties", "items", "pattern", "minimum", "maximum", "maxLength", "maxItems", "not", "if", "then");
    static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description", "format");

    private MiniSchema() {
    }

    /** Every keyword used anywhere in {@code schema}. */
    static Set<String> keywords(JsonNode schema) {
        Set<String> out = new java.util.TreeSet<>();
        collectKeywords(schema, out);
        return out;
    }

    private static void collectKeywords(JsonNode schema, Set<String> out) {
        if (!schema.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            out.add(entry.getKey());
            switch (entry.getKey()) {
                case "properties" -> entry.getValue().elements().forEachRemaining(s -> collectKeywords(s, out));
                case "items", "not", "additionalProperties", "if", "then" -> collectKeywords(entry.getValue(), out);
                default -> {
                }
            }
        }
    }

    /** JSON pointers of every violation; empty when {@code value} is valid. */
    static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "", out);
        return out;
    }

    private static void check(JsonNode schema, JsonNode value, String at, List<String> out) {
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            out.add(at + " type");
            return;
        }
        if (schema.has("const") && !sameValue(schema.get("const"), value)) {
            out.add(at + " const");
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            out.add(at + " enum");
        }
        if (schema.has("if") && schema.has("then") && violations(schema.get("if"), value).isEmpty()) {
            check(schema.get("then"), value, at, out);
        }
        if (schema.has("not") && violations(schema.get("not"), value).isEmpty()) {
            out.add(at + " not");
        }
        if (value.isTextual()) {
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").textValue()).matcher(value.textValue()).find()) {
                out.add(at + " pattern");
            }
            if (schema.has("maxLength") && value.textValue().codePointCount(0, value.textValue().length())
                    > schema.get("maxLength").intValue()) {
                out.add(at + " maxLength");
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                out.add(at + " minimum");
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                out.add(at + " maximum");
            }
        }
        if (value.isObject()) {
            if (schema.has("required")) {
                for (JsonNode name : schema.get("required")) {
                    if (!value.has(name.textValue())) {
                        out.add(at + "/" + name.textValue() + " required");
                    }
                }
            }
            JsonNode properties = schema.path("properties");
            for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (properties.has(name)) {
                    check(properties.get(name), value.get(name), at + "/" + name, out);
                } else if (schema.has("additionalProperties") && schema.get("additionalProperties").isBoolean()
                        && !schema.get("additionalProperties").booleanValue()) {
                    out.add(at + "/" + name + " additionalProperties");
                }
            }
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").intValue()) {
                out.add(at + " maxItems");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(schema.get("items"), value.get(i), at + "/" + i, out);
                }
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.textValue()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber()
                    || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (sameValue(option, value)) {
                return true;
            }
        }
        return false;
    }

    /** JSON Schema's equality: numbers by value (1, 1.0 and a big 1 are one number), the rest as Jackson's. */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        return a.equals(NUMBERS_BY_VALUE, b);
    }

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (x, y) -> {
        if (x.isNumber() && y.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue());
        }
        return x.equals(y) ? 0 : 1;
    };
}
